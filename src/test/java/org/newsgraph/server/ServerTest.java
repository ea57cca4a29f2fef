package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.rdf.NG;
import org.newsgraph.store.GraphStore;

/** The server on a free port, over a store built from the seed article. */
class ServerTest {

  @TempDir
  static Path tmp;

  static GraphStore store;
  static NewsgraphServer server;
  static String root;
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  static final String PREFIX = "PREFIX ng: <" + NG.NS + ">\n";

  @BeforeAll
  static void start() {
    store = GraphStore.open(SeedStore.build(tmp.resolve("store")));
    server = NewsgraphServer.start(store, new NewsgraphServer.Config().port(0).timeoutSeconds(1).maxResults(50));
    root = "http://localhost:" + server.port() + "/";
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (store != null) {
      store.close();
    }
  }

  static HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(60));
    if (accept != null) {
      b.header("Accept", accept);
    }
    return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static HttpResponse<String> post(String url, String contentType, String body, String auth)
      throws IOException, InterruptedException {
    return post(HTTP, url, contentType, body, auth);
  }

  /**
   * A POST through the given client. Tests of refused writes send each through a client of its
   * own: after refusing a request the server may close the connection without saying so, and a
   * shared client would send the next request on it and get no answer.
   */
  static HttpResponse<String> post(HttpClient client, String url, String contentType, String body,
      String auth) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (auth != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)));
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** A client with no connection open yet, for one request the server may refuse. */
  static HttpClient fresh() {
    return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  static HttpResponse<String> query(String base, String sparql) throws IOException, InterruptedException {
    HttpRequest r = HttpRequest.newBuilder(URI.create(base + "ds/sparql")).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8)))
        .build();
    return HTTP.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static List<CSVRecord> csv(String body) throws IOException {
    return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(body)).getRecords();
  }

  static String phoneCall() throws Exception {
    HttpResponse<String> r = query(root, PREFIX + "SELECT ?e { ?e a ng:PhoneCall }");
    return csv(r.body()).get(0).get("e");
  }

  @Test
  void responseBuffersGoBackToThePoolInsteadOfBeingAllocatedPerRequest() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertEquals(200, get("$/ping", null).statusCode());
      assertEquals(200, get("config.json", null).statusCode());
    }
    ServerConnector sc = (ServerConnector) server.jetty().getConnectors()[0];
    int size = sc.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration()
        .getOutputBufferSize();
    assertTrue(sc.getByteBufferPool() instanceof ArrayByteBufferPool, sc.getByteBufferPool().toString());
    ArrayByteBufferPool pool = (ArrayByteBufferPool) sc.getByteBufferPool();
    // the response buffer of the last request waits in the pool for the next one
    long kept = pool.getAvailableDirectMemory() + pool.getAvailableHeapMemory();
    assertTrue(kept >= size, "pool keeps " + kept + " bytes, response buffer " + size);
  }

  @Test
  void aQueryOverHttpSeesTheUnionOfTheArticleGraphs() throws Exception {
    HttpResponse<String> r = query(root, PREFIX
        + "PREFIX owl: <http://www.w3.org/2002/07/owl#> SELECT ?d { ?e a ng:PhoneCall ; ng:date ?d ; "
        + "ng:participant/owl:sameAs <http://www.wikidata.org/entity/Q7747> }");
    assertEquals(200, r.statusCode(), r.body());
    List<CSVRecord> rows = csv(r.body());
    assertEquals(1, rows.size(), r.body());
    assertEquals("2023-09-10", rows.get(0).get("d"));
    // GET with ?query= works too, on the dataset URL itself.
    HttpResponse<String> g = get("ds?query=" + URLEncoder.encode("ASK { ?s ?p ?o }", StandardCharsets.UTF_8),
        "application/sparql-results+json");
    assertEquals(200, g.statusCode(), g.body());
    assertTrue(g.body().contains("true"), g.body());
  }

  @Test
  void pingAndGraphStoreRead() throws Exception {
    assertEquals(200, get("$/ping", null).statusCode());
    String graph = NG.DEFAULT_BASE + "graph/article/000_5855b7373af62ab9";
    HttpResponse<String> r = get("ds/get?graph=" + URLEncoder.encode(graph, StandardCharsets.UTF_8), "text/turtle");
    assertEquals(200, r.statusCode(), r.body());
    Graph g = GraphFactory.createDefaultGraph();
    RDFParser.fromString(r.body(), Lang.TURTLE).parse(g);
    assertTrue(g.size() > 100, "the article graph: " + g.size());
  }

  @Test
  void theResultLimitCapsRows() throws Exception {
    HttpResponse<String> r = query(root, "SELECT * { ?s ?p ?o }");
    assertEquals(200, r.statusCode());
    assertEquals(50, csv(r.body()).size());
    HttpResponse<String> small = query(root, "SELECT * { ?s ?p ?o } LIMIT 3");
    assertEquals(3, csv(small.body()).size());
  }

  @Test
  void readOnlyByDefaultRefusesUpdates() throws Exception {
    String update = "INSERT DATA { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> <urn:x:o> } }";
    for (String path : List.of("ds/update", "ds")) {
      HttpResponse<String> r = post(fresh(), root + path, "application/sparql-update", update, null);
      assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, path + " answered " + r.statusCode());
    }
    HttpResponse<String> form = post(fresh(), root + "ds/update", "application/x-www-form-urlencoded",
        "update=" + URLEncoder.encode(update, StandardCharsets.UTF_8), "admin:anything");
    assertTrue(form.statusCode() >= 400, "update form answered " + form.statusCode());
    HttpResponse<String> put = fresh().send(HttpRequest.newBuilder(URI.create(root + "ds?graph=urn:x:g"))
        .header("Content-Type", "text/turtle").PUT(HttpRequest.BodyPublishers.ofString("<urn:x:s> <urn:x:p> <urn:x:o> .")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertTrue(put.statusCode() >= 400, "Graph Store PUT answered " + put.statusCode());
    int ingest = post(fresh(), root + "ingest?id=x", "text/plain", " date 2023-09\n\nRien.", "admin:x").statusCode();
    assertTrue(ingest == 404 || ingest == 405, "ingest answered " + ingest);
    HttpResponse<String> ask = query(root, "ASK { <urn:x:s> ?p ?o }");
    assertTrue(ask.body().contains("false"), ask.body());
  }

  @Test
  void aLongQueryTimesOutWith503() throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<String> r = query(root, "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }");
    double secs = (System.nanoTime() - t0) / 1e9;
    assertEquals(503, r.statusCode(), r.body());
    assertTrue(secs < 20, "answered after " + secs + " s");
  }

  /**
   * A SPARQL function for the test below: waits the given milliseconds, then fails as ARQ does when
   * a query is cancelled inside a hash join (a NullPointerException of its own).
   */
  static final class FailAfter extends org.apache.jena.sparql.function.FunctionBase1 {
    @Override
    public org.apache.jena.sparql.expr.NodeValue exec(org.apache.jena.sparql.expr.NodeValue ms) {
      try {
        Thread.sleep(ms.getInteger().longValue());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new NullPointerException("failed after " + ms.getInteger() + " ms");
    }
  }

  @Test
  void aQueryFailingPastItsTimeLimitIsAnsweredAsTimedOut() throws Exception {
    org.apache.jena.sparql.function.FunctionRegistry.get().put("urn:x:fail-after", uri -> new FailAfter());
    // past the server's limit of 1 s: the query timed out, whatever ended it
    HttpResponse<String> late = query(root, "SELECT ?x { BIND (<urn:x:fail-after>(1300) AS ?x) }");
    assertEquals(503, late.statusCode(), late.body());
    // within it: a failure is still a server error, and says nothing of its cause
    HttpResponse<String> early = query(root, "SELECT ?x { BIND (<urn:x:fail-after>(0) AS ?x) }");
    assertEquals(500, early.statusCode(), early.body());
    assertFalse(early.body().contains("NullPointerException"), early.body());
  }

  @Test
  void aQueryThatArqAloneWouldNotStopIsTimedOut() throws Exception {
    // without being cancelled again past its limit, this query runs on long past it
    long t0 = System.nanoTime();
    HttpResponse<String> r = query(root, org.newsgraph.TestFiles.RUNAWAY_QUERY);
    double secs = (System.nanoTime() - t0) / 1e9;
    assertEquals(503, r.statusCode(), r.body());
    assertTrue(secs < 30, "answered after " + secs + " s");
  }

  @Test
  void theViewerAndItsVendoredScriptsAreServed() throws Exception {
    HttpResponse<String> page = get("", "text/html");
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(page.body().contains("vendor/cytoscape/cytoscape.min.js"), page.body());
    for (String path : List.of("app.js", "app.css", "vendor/cytoscape/cytoscape.min.js",
        "vendor/yasgui/yasgui.min.js", "vendor/yasgui/yasgui.min.css", "vendor/THIRD-PARTY.md")) {
      HttpResponse<String> r = get(path, null);
      assertEquals(200, r.statusCode(), path);
      assertTrue(r.body().length() > 100, path);
    }
    assertTrue(get("vendor/cytoscape/cytoscape.min.js", null).headers().firstValue("Content-Type").orElse("")
        .startsWith("text/javascript"));
    assertEquals(404, get("nothing-here.js", null).statusCode());
    int traversal = get("vendor/../../store/GraphStore.class", null).statusCode();
    assertTrue(traversal == 400 || traversal == 404, "path traversal answered " + traversal);
  }

  @Test
  void theBundledQueriesAreListedAtRunTime() throws Exception {
    HttpResponse<String> r = get("queries", "application/json");
    assertEquals(200, r.statusCode());
    JsonNode list = new ObjectMapper().readTree(r.body());
    JsonNode found = null;
    for (JsonNode q : list) {
      if (q.get("name").asText().equals("test-phone-calls")) {
        found = q;
      }
    }
    assertNotNull(found, r.body());
    assertTrue(found.get("text").asText().contains("ng:PhoneCall"));
    JsonNode config = new ObjectMapper().readTree(get("config.json", null).body());
    assertEquals("ds/sparql", config.get("sparql").asText());
    assertEquals(NG.DEFAULT_BASE, config.get("base").asText());
  }

  @Test
  void anEntityIriAnswersByContentNegotiation() throws Exception {
    String path = "id/entity/Q7747";
    Node putin = NodeFactory.createURI(NG.DEFAULT_BASE + "entity/Q7747");

    HttpResponse<String> ttl = get(path, "text/turtle");
    assertEquals(200, ttl.statusCode());
    assertTrue(ttl.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
    assertTrue(ttl.headers().firstValue("Vary").orElse("").contains("Accept"));
    Graph g = GraphFactory.createDefaultGraph();
    RDFParser.fromString(ttl.body(), Lang.TURTLE).parse(g);
    assertTrue(g.contains(putin, NG.RDFS_LABEL, NodeFactory.createLiteralLang("Vladimir Poutine", "fr")), ttl.body());

    HttpResponse<String> jsonld = get(path, "application/ld+json");
    assertEquals(200, jsonld.statusCode());
    assertTrue(jsonld.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
    Graph gj = GraphFactory.createDefaultGraph();
    RDFParser.fromString(jsonld.body(), Lang.JSONLD).parse(gj);
    assertTrue(gj.contains(putin, NG.OWL_SAME_AS, NodeFactory.createURI(NG.WD + "Q7747")), jsonld.body());

    HttpResponse<String> html = get(path, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    assertEquals(200, html.statusCode());
    assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(html.body().contains("<h1>Vladimir Poutine</h1>"), html.body());
    assertTrue(html.body().contains("http://www.wikidata.org/entity/Q7747"), html.body());

    assertEquals(200, get(path + "?format=ttl", "text/html").statusCode());
    assertTrue(get(path + "?format=ttl", "text/html").headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
    assertEquals(404, get("id/entity/Q0", "text/turtle").statusCode());
    assertEquals(406, get(path, "image/png").statusCode());
  }

  @Test
  void anEventPageShowsItsEvidenceAndArticle() throws Exception {
    String call = phoneCall();
    assertTrue(call.startsWith(NG.DEFAULT_BASE));
    String path = "id/" + call.substring(NG.DEFAULT_BASE.length());
    HttpResponse<String> ttl = get(path, "text/turtle");
    Graph g = GraphFactory.createDefaultGraph();
    RDFParser.fromString(ttl.body(), Lang.TURTLE).parse(g);
    List<org.apache.jena.graph.Triple> texts = g.find(Node.ANY, NG.text, Node.ANY).toList();
    assertFalse(texts.isEmpty(), "the evidence nodes come with the event: " + ttl.body());
    String sentence = texts.get(0).getObject().getLiteralLexicalForm();
    HttpResponse<String> html = get(path, "text/html");
    assertTrue(html.body().contains(LinkedDataServlet.esc(sentence)), html.body());
    assertTrue(html.body().contains("href=\"/id/article/000_5855b7373af62ab9\""), html.body());
  }

  @Test
  void acceptHeadersAreRankedByQuality() {
    assertEquals(LinkedDataServlet.Kind.TURTLE, LinkedDataServlet.choose(null, null));
    assertEquals(LinkedDataServlet.Kind.TURTLE, LinkedDataServlet.choose(null, "*/*"));
    assertEquals(LinkedDataServlet.Kind.JSONLD, LinkedDataServlet.choose(null, "text/turtle;q=0.5, application/ld+json"));
    assertEquals(LinkedDataServlet.Kind.HTML, LinkedDataServlet.choose(null, "text/html, */*;q=0.8"));
    assertEquals(LinkedDataServlet.Kind.RDFXML, LinkedDataServlet.choose("rdfxml", "text/html"));
    assertNull(LinkedDataServlet.choose(null, "image/png"));
  }

  @Test
  void noCorsHeadersUnlessAsked() throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(root + "ds/sparql?query=ASK%7B%7D"))
        .header("Origin", "https://elsewhere.example").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(r.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), r.headers().toString());
  }
}
