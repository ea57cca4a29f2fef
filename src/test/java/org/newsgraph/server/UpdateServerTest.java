package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.store.GraphStore;

/** --allow-update: writes need the admin password; CORS when asked. */
class UpdateServerTest {

  @TempDir
  Path tmp;

  @Test
  void updatesNeedTheAdminPassword() throws Exception {
    try (GraphStore store = GraphStore.open(SeedStore.build(tmp.resolve("store")));
         NewsgraphServer server = NewsgraphServer.start(store, new NewsgraphServer.Config().port(0)
             .allowUpdate("correct horse").cors("https://app.example"))) {
      String root = "http://localhost:" + server.port() + "/";
      String update = "INSERT DATA { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> <urn:x:o> } }";
      assertEquals(401, ServerTest.post(root + "ds/update", "application/sparql-update", update, null).statusCode());
      assertEquals(401, ServerTest.post(root + "ds/update", "application/sparql-update", update, "admin:wrong").statusCode());
      assertEquals(401, ServerTest.post(root + "ds/update", "application/sparql-update", update, "guest:correct horse").statusCode());
      assertTrue(ServerTest.query(root, "ASK { <urn:x:s> ?p ?o }").body().contains("false"));
      HttpResponse<String> ok = ServerTest.post(root + "ds/update", "application/sparql-update", update, "admin:correct horse");
      assertTrue(ok.statusCode() == 200 || ok.statusCode() == 204, ok.statusCode() + " " + ok.body());
      assertTrue(ServerTest.query(root, "ASK { <urn:x:s> ?p ?o }").body().contains("true"));

      // Graph Store writes and article ingest go through the same password.
      String gsp = root + "ds/data?graph=" + URLEncoder.encode("urn:x:h", StandardCharsets.UTF_8);
      assertEquals(401, ServerTest.post(gsp, "text/turtle", "<urn:x:a> <urn:x:b> <urn:x:c> .", null).statusCode());
      int put = ServerTest.post(gsp, "text/turtle", "<urn:x:a> <urn:x:b> <urn:x:c> .", "admin:correct horse").statusCode();
      assertTrue(put == 200 || put == 201 || put == 204, "GSP POST answered " + put);

      String article = " date 2022-03\n\nLe président français Emmanuel Macron et le président ukrainien "
          + "Volodymyr Zelensky ont eu un entretien téléphonique jeudi 3 mars, a annoncé l'Elysée.\n";
      assertEquals(401, ServerTest.post(root + "ingest?id=test-call", "text/plain", article, null).statusCode());
      HttpResponse<String> ing = ServerTest.post(root + "ingest?id=test-call", "text/plain; charset=utf-8", article,
          "admin:correct horse");
      assertEquals(200, ing.statusCode(), ing.body());
      assertTrue(ing.body().contains("Built 1 article(s)"), ing.body());
      String q = "PREFIX schema: <https://schema.org/> ASK { ?a schema:identifier \"test-call\" }";
      assertTrue(ServerTest.query(root, q).body().contains("true"));

      // The read side stays open without a password.
      assertEquals(200, ServerTest.query(root, "ASK {}").statusCode());

      // CORS for the configured origin only.
      HttpResponse<String> pre = ServerTest.HTTP.send(HttpRequest.newBuilder(URI.create(root + "ds/sparql"))
          .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://app.example")
          .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
      assertEquals("https://app.example", pre.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
      HttpResponse<String> other = ServerTest.HTTP.send(HttpRequest.newBuilder(URI.create(root + "ds/sparql?query=ASK%7B%7D"))
          .header("Origin", "https://evil.example").GET().build(), HttpResponse.BodyHandlers.ofString());
      assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    }
  }

  @Test
  void thePasswordFileIsRequiredAndRead() throws Exception {
    Path store = tmp.resolve("s2");
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int code = org.newsgraph.cli.Main.run(new String[] {"serve", "--store", store.toString(), "--allow-update"},
        new java.io.PrintStream(new java.io.ByteArrayOutputStream()), new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--password-file"), err.toString(StandardCharsets.UTF_8));
    Path empty = Files.writeString(tmp.resolve("pw"), "\n");
    code = org.newsgraph.cli.Main.run(new String[] {"serve", "--store", store.toString(), "--allow-update",
        "--password-file", empty.toString()}, new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
        new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, code);
  }
}
