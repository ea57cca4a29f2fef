package org.newsgraph.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Main;
import org.newsgraph.store.GraphStore;

/** {@code newsgraph link} against a local Fuseki endpoint serving a Wikidata-shaped fixture. */
class LinkTest {

  static final String BASE = "https://w3id.org/newsgraph/id/";
  static final String NG = "https://w3id.org/newsgraph/ontology#";
  static FixtureEndpoint endpoint;

  @TempDir
  Path tmp;

  @BeforeAll
  static void start() {
    endpoint = new FixtureEndpoint();
  }

  @AfterAll
  static void stop() {
    endpoint.close();
  }

  record Run(int code, String out, String err, long millis) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    long t0 = System.nanoTime();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
        (System.nanoTime() - t0) / 1_000_000);
  }

  private static Node uri(String s) {
    return NodeFactory.createURI(s);
  }

  /** A store with one article graph mentioning entities to link, and their reference facts. */
  static Path store(Path dir) {
    Node g = uri(BASE + "graph/article/t1");
    Node ref = uri(BASE + "graph/reference");
    Node art = uri(BASE + "article/t1");
    Node type = uri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    Node label = uri("http://www.w3.org/2000/01/rdf-schema#label");
    Node sameAs = uri("http://www.w3.org/2002/07/owl#sameAs");
    Node mentions = uri("https://schema.org/mentions");
    List<Quad> quads = new ArrayList<>();
    List<Quad> refQuads = new ArrayList<>();
    String[][] entities = {
        {"person/jean-testeur", "Person", "Jean Testeur"},
        {"organization/brigade-exemplaire", "Organization", "Brigade Exemplaire"},
        {"gn/999999001", "City", "Villetest"},
        {"river/marie-testeuse", "River", "Marie Testeuse"},
        {"person/paul-ambigu", "Person", "Paul Ambigu"},
        {"person/inconnu-total", "Person", "Inconnu Total"},
        {"Q142", "Country", "France"},
        {"Q7747", "Person", "Vladimir Poutine"},
        {"group/t1/jihadistes", "Organization", "jihadistes"}};
    for (String[] e : entities) {
      Node s = uri(BASE + "entity/" + e[0]);
      quads.add(Quad.create(g, art, mentions, s));
      quads.add(Quad.create(g, s, type, uri(NG + e[1])));
      quads.add(Quad.create(g, s, label, NodeFactory.createLiteralLang(e[2], "fr")));
    }
    refQuads.add(Quad.create(ref, uri(BASE + "entity/Q142"), sameAs, uri("http://www.wikidata.org/entity/Q142")));
    refQuads.add(Quad.create(ref, uri(BASE + "entity/Q7747"), sameAs, uri("http://www.wikidata.org/entity/Q7747")));
    refQuads.add(Quad.create(ref, uri(BASE + "entity/gn/999999001"), sameAs, uri("https://sws.geonames.org/999999001/")));
    try (GraphStore st = GraphStore.open(dir)) {
      Map<Node, List<Quad>> m = new HashMap<>();
      m.put(g, quads);
      m.put(ref, refQuads);
      st.replaceGraphs(m);
    }
    return dir;
  }

  static Map<String, String> links(Path dir) {
    Map<String, String> out = new HashMap<>();
    try (GraphStore st = GraphStore.open(dir)) {
      org.apache.jena.system.Txn.executeRead(st.datasetGraph(), () ->
          st.datasetGraph().find(uri(BASE + "graph/links"), Node.ANY,
              uri("http://www.w3.org/2002/07/owl#sameAs"), Node.ANY).forEachRemaining(q ->
              out.put(q.getSubject().getURI().substring((BASE + "entity/").length()),
                  q.getObject().getURI().substring("http://www.wikidata.org/entity/".length()))));
    }
    return out;
  }

  @Test
  void linksByLabelTypeContextAndGeonamesAndCachesTheAnswers() throws Exception {
    Path s = store(tmp.resolve("store"));
    Path cache = tmp.resolve("cache");
    Run r = run("link", "--store", s.toString(), "--endpoint", endpoint.url(), "--cache",
        cache.toString(), "--rate", "50/s", "--timeout", "10");
    assertEquals(0, r.code(), r.err() + r.out());
    Map<String, String> links = links(s);
    assertEquals("Q900000001", links.get("person/jean-testeur"), r.out()); // the French one
    assertEquals("Q900000003", links.get("organization/brigade-exemplaire"), r.out()); // alias
    assertEquals("Q900000004", links.get("gn/999999001"), r.out()); // GeoNames id
    assertEquals("Q900000005", links.get("river/marie-testeuse"), r.out()); // the river
    assertFalse(links.containsKey("person/paul-ambigu"), r.out()); // ambiguous: never guessed
    assertFalse(links.containsKey("person/inconnu-total"), r.out());
    assertFalse(links.containsKey("Q7747"), r.out()); // already linked: not looked up
    assertEquals(4, links.size(), links.toString());
    assertTrue(r.out().contains("6 entities without a Wikidata link"), r.out());
    assertTrue(r.out().contains("6 request(s), 0 answer(s) from the cache"), r.out());

    // the same store again: only the two unlinked ones are left, answered from the cache
    Run again = run("link", "--store", s.toString(), "--endpoint", endpoint.url(), "--cache",
        cache.toString());
    assertEquals(0, again.code(), again.err());
    assertTrue(again.out().contains("2 entities without a Wikidata link"), again.out());
    assertTrue(again.out().contains("0 request(s), 2 answer(s) from the cache"), again.out());

    // a dry run looks up but writes nothing
    Path other = store(tmp.resolve("store2"));
    Run dry = run("link", "--store", other.toString(), "--endpoint", endpoint.url(), "--cache",
        cache.toString(), "--dry-run");
    assertEquals(0, dry.code(), dry.err());
    assertTrue(dry.out().contains("dry run: nothing written"), dry.out());
    assertTrue(links(other).isEmpty());
  }

  @Test
  void offlineSaysSoAndExitsWithOne() throws Exception {
    int closed;
    try (ServerSocket ss = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = ss.getLocalPort();
    }
    Path s = store(tmp.resolve("store"));
    Run r = run("link", "--store", s.toString(), "--endpoint", "http://127.0.0.1:" + closed + "/sparql",
        "--cache", tmp.resolve("cache").toString(), "--timeout", "5");
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("offline"), r.err());
    assertTrue(links(s).isEmpty());
  }

  @Test
  void anEndpointThatNeverAnswersTimesOut() throws Exception {
    try (ServerSocket ss = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      List<Socket> held = new ArrayList<>();
      Thread t = new Thread(() -> {
        try {
          while (true) {
            held.add(ss.accept()); // accepts and never answers
          }
        } catch (Exception e) {
          // closed
        }
      });
      t.setDaemon(true);
      t.start();
      Path s = store(tmp.resolve("store"));
      Run r = run("link", "--store", s.toString(), "--endpoint",
          "http://127.0.0.1:" + ss.getLocalPort() + "/sparql", "--cache",
          tmp.resolve("cache").toString(), "--timeout", "1");
      assertEquals(1, r.code(), r.out() + r.err());
      assertTrue(r.err().contains("within 1 s") && r.err().contains("offline"), r.err());
      assertTrue(r.millis() < 15_000, r.millis() + " ms");
      for (Socket k : held) {
        k.close();
      }
    }
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertEquals(2, run("link", "--rate", "fast").code());
    assertEquals(2, run("link", "--endpoint", "ftp://x/sparql").code());
  }

  @Test
  void theRateLimitSpacesRequests() {
    RateLimiter l = new RateLimiter(20);
    long t0 = System.nanoTime();
    for (int i = 0; i < 6; i++) {
      l.acquire();
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(ms >= 240, ms + " ms for 6 calls at 20/s");
  }

  @Test
  void lookUpQueriesEscapeLabels() {
    String q = Linker.query(new Linker.Candidate("x", "Person", "Jean \"Le\" Testeur", null, java.util.Set.of()));
    assertTrue(q.contains("\"Jean \\\"Le\\\" Testeur\"@fr"), q);
    assertTrue(Files.exists(Path.of("src/test/resources/org/newsgraph/link/wikidata-fixture.ttl")));
  }
}
