package org.newsgraph.link;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsgraph.Pipeline;
import org.newsgraph.TestFiles;
import org.newsgraph.query.QueryRunner;
import org.newsgraph.rdf.NG;

/**
 * The federated queries of queries/ (federated-*.rq) run on the seed's graph with their SERVICE
 * endpoint bound to a local Fuseki serving the Wikidata-shaped fixture.
 */
class FederatedQueriesTest {

  static FixtureEndpoint endpoint;
  static Dataset data;

  @BeforeAll
  static void start() {
    endpoint = new FixtureEndpoint();
    Pipeline p = Pipeline.builder().build();
    DatasetGraph dsg = TestFiles.dataset(p.quads(p.extract(TestFiles.read(TestFiles.seed()))));
    org.apache.jena.rdf.model.Model onto = RDFDataMgr.loadModel(TestFiles.ontology().toString());
    Node og = NodeFactory.createURI(NG.ONTOLOGY);
    onto.getGraph().find().forEachRemaining(t -> dsg.add(og, t.getSubject(), t.getPredicate(), t.getObject()));
    data = DatasetFactory.wrap(dsg);
  }

  @AfterAll
  static void stop() {
    endpoint.close();
  }

  static String run(String name) {
    Path file = TestFiles.project().resolve("queries/" + name + ".rq");
    Query q = QueryRunner.parse(QueryRunner.read(file), name);
    Map<String, Node> params = Map.of("endpoint", NodeFactory.createURI(endpoint.url()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // the union of the graphs as the default graph, as the store has it
    Dataset union = DatasetFactory.wrap(data.asDatasetGraph());
    Dataset view = DatasetFactory.create(union.getUnionModel());
    view.addNamedModel(NG.ONTOLOGY, data.getNamedModel(NG.ONTOLOGY));
    new QueryRunner(view).run(q, params, QueryRunner.Format.CSV, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void everyFederatedQueryIsCoveredHere() throws Exception {
    try (Stream<Path> s = Files.list(TestFiles.project().resolve("queries"))) {
      List<String> names = s.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("federated-")).sorted().toList();
      assertTrue(names.equals(List.of("federated-coordinates.rq", "federated-country-population.rq",
          "federated-leader-birth-dates.rq")), names.toString());
    }
  }

  @Test
  void populationOfTheCountriesInvolvedInCalls() {
    String csv = run("federated-country-population");
    // Putin (citizen of Russia) and Goïta (of Mali) in the seed's call; populations of the fixture
    assertTrue(csv.contains("http://www.wikidata.org/entity/Q159,Russie,2000002"), csv);
    assertTrue(csv.contains("http://www.wikidata.org/entity/Q912,Mali,1000001"), csv);
  }

  @Test
  void datesOfBirthOfTheLeaders() {
    String csv = run("federated-leader-birth-dates");
    assertTrue(csv.contains("Vladimir Poutine,http://www.wikidata.org/entity/Q7747,1901-01-01T00:00:00Z"), csv);
    assertTrue(csv.contains("Assimi Goïta,http://www.wikidata.org/entity/Q98497406,1902-02-02T00:00:00Z"), csv);
  }

  @Test
  void coordinatesFromTheGazetteerAndFromWikidata() {
    String csv = run("federated-coordinates");
    assertTrue(csv.contains("http://www.wikidata.org/entity/Q912,Point(-4 17)"), csv);
  }
}
