package org.newsgraph.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.newsgraph.Pipeline;
import org.newsgraph.article.ArticleReader;
import org.newsgraph.article.Diagnostic;
import org.newsgraph.store.ArticleLoader;
import org.newsgraph.store.GraphStore;

/**
 * {@code POST /ingest?id=ID} (admin only, with {@code --allow-update}): builds one article, sent
 * as the body in the text format of {@code build} (first line {@code  date YYYY-MM}) or, with
 * {@code Content-Type: application/x-ndjson} (or {@code ?format=jsonl}), as JSON Lines, into the
 * store held by the server, replacing the article's previous graph. Answers a plain-text summary;
 * 400 when the input has errors.
 */
final class IngestServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient GraphStore store;
  private final transient Pipeline pipeline;

  IngestServlet(GraphStore store, Pipeline pipeline) {
    this.store = store;
    this.pipeline = pipeline;
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (!NewsgraphServer.ADMIN.equals(req.getRemoteUser())) {
      resp.setHeader("WWW-Authenticate", "Basic realm=\"" + NewsgraphServer.REALM + "\"");
      resp.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    // Read the query string by hand: getParameter would consume a form-encoded body.
    String id = queryParam(req.getQueryString(), "id");
    String format = queryParam(req.getQueryString(), "format");
    if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,119}")) {
      resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "id=ID is required (a letter or digit, then letters, digits, _ . -)");
      return;
    }
    String ct = req.getContentType() == null ? "" : req.getContentType();
    boolean jsonl = ct.contains("ndjson") || ct.contains("jsonl") || "jsonl".equals(format);
    byte[] body = req.getInputStream().readNBytes(ArticleReader.DEFAULT_MAX_BYTES + 1);
    if (body.length > ArticleReader.DEFAULT_MAX_BYTES) {
      resp.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    Path dir = Files.createTempDirectory("newsgraph-ingest");
    // The id is checked above (no '/', '\\' or ':'); the file must stay in the fresh folder anyway.
    Path file = dir.resolve(id + (jsonl ? ".jsonl" : ".txt")).normalize();
    if (!dir.equals(file.getParent())) {
      Files.deleteIfExists(dir);
      resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "bad id");
      return;
    }
    try {
      Files.write(file, body);
      ArticleLoader.Report r;
      synchronized (store) {
        r = new ArticleLoader(pipeline, store, 1000, msg -> { }).load(List.of(file), ArticleReader.DEFAULT_MAX_BYTES);
      }
      resp.setStatus(r.hasErrors() ? HttpServletResponse.SC_BAD_REQUEST : HttpServletResponse.SC_OK);
      resp.setContentType("text/plain; charset=utf-8");
      PrintWriter w = resp.getWriter();
      w.printf("Built %d article(s): %d quads written.%n", r.articles, r.quads);
      for (Diagnostic d : r.problems) {
        w.println(d.toString().replace(dir.toString(), ""));
      }
      r.eventsByType.forEach((k, v) -> w.printf("%s\t%d%n", k, v));
      w.flush();
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }

  static String queryParam(String query, String name) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      if (URLDecoder.decode(k, StandardCharsets.UTF_8).equals(name)) {
        return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
