package org.newsgraph.link;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.RDFDataMgr;

/**
 * A local SPARQL endpoint for the tests: Fuseki on a free loopback port, read-only, serving the
 * Wikidata-shaped fixture {@code wikidata-fixture.ttl} at {@code /wd/sparql}.
 */
final class FixtureEndpoint implements AutoCloseable {

  private final FusekiServer server;

  FixtureEndpoint() {
    Dataset ds = DatasetFactory.createTxnMem();
    RDFDataMgr.read(ds, FixtureEndpoint.class.getResource("wikidata-fixture.ttl").toString());
    server = FusekiServer.create().loopback(true).port(0).add("/wd", ds, false).build().start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getHttpPort() + "/wd/sparql";
  }

  @Override
  public void close() {
    server.stop();
  }
}
