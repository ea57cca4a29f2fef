package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.TestFiles;
import org.newsgraph.store.GraphStore;

/**
 * The server's defences, one test each: loopback by default, writes behind the password, SERVICE
 * refused unless allowed, timeouts and result caps, request size limits, short error bodies
 * without stack traces, upload names never used as paths, no request value spliced into SPARQL.
 * A stub SPARQL endpoint on the loopback interface counts the calls that reach it.
 */
class HardenedServerTest {

  @TempDir
  static Path tmp;

  static GraphStore store;
  static NewsgraphServer server;
  static String root;
  static HttpServer stub;
  static String stubUrl;
  static final AtomicInteger stubHits = new AtomicInteger();
  static final String AUTH = "admin:s3cret";

  @BeforeAll
  static void start() throws IOException {
    stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    stub.createContext("/sparql", ex -> {
      stubHits.incrementAndGet();
      ex.getRequestBody().readAllBytes();
      byte[] b = "{\"head\":{\"vars\":[\"x\"]},\"results\":{\"bindings\":[{\"x\":{\"type\":\"literal\",\"value\":\"remote\"}}]}}"
          .getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/sparql-results+json");
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    stub.start();
    stubUrl = "http://127.0.0.1:" + stub.getAddress().getPort() + "/sparql";
    store = GraphStore.open(SeedStore.build(tmp.resolve("store")));
    server = NewsgraphServer.start(store, new NewsgraphServer.Config().port(0).timeoutSeconds(2).maxResults(20)
        .allowUpdate("s3cret").maxQueryBytes(10_000).maxUploadBytes(60_000));
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
    if (stub != null) {
      stub.stop(0);
    }
  }

  static HttpResponse<String> send(HttpRequest.Builder b, String auth) throws Exception {
    if (auth != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)));
    }
    // a client of its own for each request: after an error the server may close a kept-alive
    // connection (a request body it did not read) without saying so, and a shared client would
    // send the next request on the dead connection ("header parser received no bytes")
    return ServerTest.fresh().send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(String path, String accept) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + path));
    if (accept != null) {
      b.header("Accept", accept);
    }
    return send(b.GET(), null);
  }

  static HttpResponse<String> sparqlBody(String base, String query) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + "ds/sparql")).header("Content-Type", "application/sparql-query")
        .header("Accept", "application/sparql-results+json").POST(HttpRequest.BodyPublishers.ofString(query)), null);
  }

  @Test
  void itListensOnLoopbackUnlessToldOtherwise() throws Exception {
    assertTrue(InetAddress.getByName(server.listenHost()).isLoopbackAddress(), server.listenHost());
    assertTrue(server.url().startsWith("http://localhost:"), server.url());
    // An explicit address is used as given.
    Path other = SeedStore.build(tmp.resolve("store-host"));
    try (GraphStore s = GraphStore.open(other);
         NewsgraphServer srv = NewsgraphServer.start(s, new NewsgraphServer.Config().port(0).host("127.0.0.1"))) {
      assertEquals("127.0.0.1", srv.listenHost());
    }
  }

  @Test
  void everyWritePathNeedsTheAdminPassword() throws Exception {
    String ttl = "<urn:x:s> <urn:x:p> <urn:x:o> .";
    List<HttpRequest.Builder> writes = List.of(
        HttpRequest.newBuilder(URI.create(root + "ds/update")).header("Content-Type", "application/sparql-update")
            .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }")),
        HttpRequest.newBuilder(URI.create(root + "ds/data?graph=urn:x:g")).header("Content-Type", "text/turtle")
            .PUT(HttpRequest.BodyPublishers.ofString(ttl)),
        HttpRequest.newBuilder(URI.create(root + "ds/upload?graph=urn:x:g")).header("Content-Type", "text/turtle")
            .POST(HttpRequest.BodyPublishers.ofString(ttl)),
        HttpRequest.newBuilder(URI.create(root + "ingest?id=nope")).header("Content-Type", "text/plain")
            .POST(HttpRequest.BodyPublishers.ofString(" date 2024-03\n\nLe ministre a parlé.")));
    for (HttpRequest.Builder w : writes) {
      for (String auth : new String[] {null, "admin:wrong", "guest:s3cret", "admin:"}) {
        HttpResponse<String> r = send(w.copy(), auth);
        assertEquals(401, r.statusCode(), w.build().uri() + " as " + auth);
      }
    }
    assertTrue(ServerTest.query(root, "ASK { GRAPH ?g { <urn:x:s> ?p ?o } }").body().contains("false"));
    // The query paths do not write, even with the password.
    HttpResponse<String> viaQuery = send(HttpRequest.newBuilder(URI.create(root + "ds/sparql"))
        .header("Content-Type", "application/sparql-update")
        .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }")), AUTH);
    assertTrue(viaQuery.statusCode() >= 400, "update through the query endpoint: " + viaQuery.statusCode());
  }

  @Test
  void serviceToAnotherHostIsRefusedBeforeItRuns() throws Exception {
    int before = stubHits.get();
    List<String> queries = List.of(
        "SELECT * { SERVICE <" + stubUrl + "> { ?s ?p ?o } }",
        "SELECT * { ?a ?b ?c OPTIONAL { SERVICE SILENT <" + stubUrl + "> { ?s ?p ?o } } }",
        "SELECT * { { SELECT ?s { SERVICE <http://169.254.169.254/latest/meta-data/> { ?s ?p ?o } } } }",
        "SELECT * { VALUES ?e { <" + stubUrl + "> } SERVICE ?e { ?s ?p ?o } }",
        "SELECT * { ?a ?b ?c FILTER EXISTS { SERVICE <" + stubUrl + "> { ?s ?p ?o } } } LIMIT 1",
        "ASK { SERVICE <" + stubUrl + "> { } }");
    for (String q : queries) {
      HttpResponse<String> r = sparqlBody(root, q);
      assertEquals(400, r.statusCode(), q + " -> " + r.body());
      assertTrue(r.body().contains("not allowed"), r.body());
    }
    // Through an update (admin), the run-time check stops it.
    HttpResponse<String> u = send(HttpRequest.newBuilder(URI.create(root + "ds/update"))
        .header("Content-Type", "application/sparql-update").POST(HttpRequest.BodyPublishers.ofString(
            "INSERT { GRAPH <urn:x:svc> { ?s ?p ?o } } WHERE { SERVICE <" + stubUrl + "> { ?s ?p ?o } }")), AUTH);
    assertTrue(u.statusCode() >= 400, "update with SERVICE answered " + u.statusCode());
    assertEquals(before, stubHits.get(), "a SERVICE call reached the stub endpoint");

    // Allowed by configuration, the same endpoint is called.
    try (GraphStore s = GraphStore.open(SeedStore.build(tmp.resolve("store-svc")));
         NewsgraphServer srv = NewsgraphServer.start(s, new NewsgraphServer.Config().port(0).allowService(stubUrl))) {
      String base = "http://localhost:" + srv.port() + "/";
      HttpResponse<String> ok = sparqlBody(base, "SELECT ?x { SERVICE <" + stubUrl + "> { ?x ?p ?o } }");
      assertEquals(200, ok.statusCode(), ok.body());
      assertTrue(ok.body().contains("remote"), ok.body());
      assertTrue(stubHits.get() > before);
      assertEquals(400, sparqlBody(base, "SELECT * { SERVICE <" + stubUrl + "x> { ?s ?p ?o } }").statusCode());
    }
  }

  @Test
  void queriesAreCappedAndTimedOut() throws Exception {
    HttpResponse<String> rows = ServerTest.query(root, "SELECT * { ?s ?p ?o }");
    assertEquals(20, ServerTest.csv(rows.body()).size());
    HttpResponse<String> triples = send(HttpRequest.newBuilder(URI.create(root + "ds/sparql"))
        .header("Content-Type", "application/sparql-query").header("Accept", "application/n-triples")
        .POST(HttpRequest.BodyPublishers.ofString("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 100000")), null);
    assertEquals(200, triples.statusCode());
    assertEquals(20, triples.body().lines().filter(l -> !l.isBlank()).count(), triples.body());
    long t0 = System.nanoTime();
    HttpResponse<String> slow = ServerTest.query(root, "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }");
    assertEquals(503, slow.statusCode());
    assertTrue((System.nanoTime() - t0) / 1e9 < 30);
  }

  @Test
  void requestBodiesAreLimited() throws Exception {
    String pad = "# " + "x".repeat(20_000) + "\n";
    assertEquals(413, sparqlBody(root, pad + "ASK {}").statusCode());
    assertEquals(200, sparqlBody(root, "# " + "x".repeat(5_000) + "\nASK {}").statusCode());
    // A chunked body (no Content-Length) is cut off too.
    HttpResponse<String> chunked = send(HttpRequest.newBuilder(URI.create(root + "ds/sparql"))
        .header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofInputStream(
            () -> new ByteArrayInputStream((pad + "ASK {}").getBytes(StandardCharsets.UTF_8)))), null);
    assertTrue(chunked.statusCode() == 413 || chunked.statusCode() == 400, "chunked: " + chunked.statusCode());
    assertFalse(chunked.body().contains("true"));
    // Uploads have their own, larger limit.
    StringBuilder ttl = new StringBuilder();
    for (int i = 0; ttl.length() < 30_000; i++) {
      ttl.append("<urn:x:s").append(i).append("> <urn:x:p> \"v\" .\n");
    }
    HttpResponse<String> mid = send(HttpRequest.newBuilder(URI.create(root + "ds/data?graph=urn:x:upload"))
        .header("Content-Type", "text/turtle").PUT(HttpRequest.BodyPublishers.ofString(ttl.toString())), AUTH);
    assertTrue(mid.statusCode() / 100 == 2, "a 30 KB upload: " + mid.statusCode() + " " + mid.body());
    HttpResponse<String> big = send(HttpRequest.newBuilder(URI.create(root + "ds/data?graph=urn:x:upload2"))
        .header("Content-Type", "text/turtle").PUT(HttpRequest.BodyPublishers.ofString(ttl.toString() + ttl + ttl)), AUTH);
    assertEquals(413, big.statusCode());
    assertTrue(ServerTest.query(root, "ASK { GRAPH <urn:x:upload2> { ?s ?p ?o } }").body().contains("false"));
  }

  static final Pattern STACK = Pattern.compile("\\bat [a-z]+\\.[a-zA-Z.$]+\\(|\\.java:\\d+|Caused by|Exception\\b|org\\.eclipse\\.|org\\.apache\\.|java\\.lang\\.");

  @Test
  void errorBodiesAreShortAndHaveNoStackTraces() throws Exception {
    List<HttpResponse<String>> answers = new ArrayList<>();
    answers.add(get("id/%25zz%25", "text/html"));
    answers.add(get("id/entity/%E0%A4", "text/turtle"));
    answers.add(get("ds/sparql?query=SELEC", null));
    answers.add(get("ds/get?graph=" + URLEncoder.encode("not an iri <>", StandardCharsets.UTF_8), "text/turtle"));
    answers.add(get("ds/sparql", null));
    answers.add(sparqlBody(root, "SELECT * { ?s ?p ?o } GROUP BY"));
    answers.add(sparqlBody(root, "SELECT * { ?s ?p ?o } ORDER BY ?s LIMIT -1"));
    answers.add(send(HttpRequest.newBuilder(URI.create(root + "ds/sparql")).header("Content-Type", "application/octet-stream")
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0xff, 0, 1, 2})), null));
    answers.add(send(HttpRequest.newBuilder(URI.create(root + "ds/update")).header("Content-Type", "application/sparql-update")
        .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { <a b c> }")), AUTH));
    answers.add(send(HttpRequest.newBuilder(URI.create(root + "ds/data?graph=urn:x:bad")).header("Content-Type", "text/turtle")
        .PUT(HttpRequest.BodyPublishers.ofString("<urn:a> <urn:b> \"unterminated .")), AUTH));
    answers.add(send(HttpRequest.newBuilder(URI.create(root + "ingest?id=bad-json&format=jsonl"))
        .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString("{\"id\": [[[")), AUTH));
    answers.add(send(HttpRequest.newBuilder(URI.create(root + "ingest?id=x")).header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0xc3, 0x28})), AUTH));
    answers.add(get("vendor/../../../../etc/passwd", null));
    answers.add(get("$/server", null));
    for (HttpResponse<String> r : answers) {
      String where = r.request().method() + " " + r.uri() + " -> " + r.statusCode();
      assertTrue(r.statusCode() >= 400, where);
      assertFalse(STACK.matcher(r.body()).find(), where + " shows internals:\n" + r.body());
      assertTrue(r.body().length() < 2000, where + " answers " + r.body().length() + " chars");
      assertTrue(r.statusCode() != 500, where + ": an internal error for a bad request: " + r.body());
      System.out.println(where + ": " + r.body().strip().replace('\n', ' '));
    }
  }

  @Test
  void uploadNamesAreNeverUsedAsPaths() throws Exception {
    String probe = "newsgraph-escape-" + System.nanoTime();
    // Ingest ids that try to leave the temporary folder are refused before any file is written.
    for (String id : List.of("../" + probe, "..%2F..%2F" + probe, "..", "..." + probe, "%2Ftmp%2F" + probe,
        "C:%5C" + probe, probe + "%00.txt", "." + probe, "-" + probe)) {
      HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(root + "ingest?id=" + id))
          .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(
              " date 2024-03\n\nLe ministre a parlé.")), AUTH);
      assertEquals(400, r.statusCode(), id + ": " + r.body());
    }
    // Fuseki's upload takes a file name from the multipart body: it only guesses the syntax from it.
    String boundary = "----ng" + System.nanoTime();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../../../" + probe
        + ".ttl\"\r\nContent-Type: text/turtle\r\n\r\n<urn:x:up> <urn:x:p> <urn:x:o> .\r\n--" + boundary + "--\r\n";
    HttpResponse<String> up = send(HttpRequest.newBuilder(URI.create(root + "ds/upload?graph=urn:x:uploaded"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body)), AUTH);
    assertTrue(up.statusCode() / 100 == 2 || up.statusCode() == 400, up.statusCode() + " " + up.body());
    List<Path> roots = new ArrayList<>(List.of(Path.of(System.getProperty("java.io.tmpdir")), tmp, Path.of("").toAbsolutePath()));
    Path t = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
    for (int i = 0; i < 4 && t.getParent() != null; i++) {
      t = t.getParent();
      roots.add(t);
    }
    for (Path r : roots) {
      try (Stream<Path> s = Files.list(r)) {
        assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(probe)), "a file named after the upload in " + r);
      } catch (IOException e) {
        // unreadable folder: nothing was written there by us either
      }
    }
    try (Stream<Path> s = Files.walk(tmp)) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(probe)));
    }
  }

  @Test
  void requestValuesAreNeverSplicedIntoSparql() throws Exception {
    // Linked-data pages look the IRI up as one RDF term: SPARQL syntax in the path finds nothing.
    for (String path : List.of("id/entity/Q7747%3E%20%7D%20UNION%20%7B%20%3Fs%20%3Fp%20%3Fo",
        "id/entity/Q7747%22%29%20.%20%3Fs%20%3Fp%20%3Fo%20%23", "id/entity/%3Chttp%3A%2F%2Fx%3E")) {
      int status = get(path, "text/turtle").statusCode();
      assertTrue(status == 404 || status == 400, path + " answered " + status);
    }
    assertEquals(200, get("id/entity/Q7747", "text/turtle").statusCode());
    // And the server's code builds no query text at all: it hands Fuseki the client's query as is
    // and reads the store through the graph API.
    Path dir = TestFiles.project().resolve("src/main/java/org/newsgraph/server");
    Pattern builds = Pattern.compile("QueryFactory|UpdateFactory|QueryExecution|ParameterizedSparqlString|UpdateExecution"
        + "|\"\\s*(SELECT|CONSTRUCT|DESCRIBE|ASK|INSERT|DELETE|PREFIX)\\b");
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        String src = Files.readString(f);
        assertFalse(builds.matcher(src).find(), f.getFileName() + " builds SPARQL text");
      }
    }
  }
}
