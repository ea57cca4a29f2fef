package org.newsgraph.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

/**
 * The web viewer's files, read from the classpath ({@code /org/newsgraph/web/}): {@code /} is
 * {@code index.html}; anything not there is a 404. Nothing is read from the file system.
 */
final class WebServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  static final String ROOT = "/org/newsgraph/web";

  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8", "json", "application/json; charset=utf-8",
      "svg", "image/svg+xml", "png", "image/png", "txt", "text/plain; charset=utf-8",
      "md", "text/markdown; charset=utf-8", "ico", "image/x-icon");

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    if (path.isEmpty() || path.equals("/")) {
      path = "/index.html";
    }
    if (path.contains("..") || path.contains("//") || path.contains("\\")) {
      resp.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    try (InputStream in = WebServlet.class.getResourceAsStream(ROOT + path)) {
      if (in == null) {
        resp.sendError(HttpServletResponse.SC_NOT_FOUND, "Not found: " + path);
        return;
      }
      String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
      resp.setContentType(TYPES.getOrDefault(ext, "application/octet-stream"));
      resp.setHeader("Cache-Control", path.startsWith("/vendor/") ? "max-age=86400" : "no-cache");
      resp.setHeader("X-Content-Type-Options", "nosniff");
      if (!"HEAD".equals(req.getMethod())) {
        in.transferTo(resp.getOutputStream());
      }
    }
  }
}
