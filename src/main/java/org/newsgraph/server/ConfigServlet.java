package org.newsgraph.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;

/** {@code GET /config.json}: what the viewer needs to know (endpoint path, data base IRI, limits). */
final class ConfigServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final String base;
  private final long maxResults;
  private final boolean allowUpdate;

  ConfigServlet(String base, long maxResults, boolean allowUpdate) {
    this.base = base;
    this.maxResults = maxResults;
    this.allowUpdate = allowUpdate;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    JsonObject o = new JsonObject();
    o.put("sparql", NewsgraphServer.DATASET.substring(1) + "/sparql");
    o.put("base", base);
    o.put("linkedData", "id/");
    o.put("maxResults", maxResults);
    o.put("allowUpdate", allowUpdate);
    resp.setContentType("application/json; charset=utf-8");
    resp.setHeader("Cache-Control", "no-cache");
    JSON.write(resp.getOutputStream(), o);
  }
}
