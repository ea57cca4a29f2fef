package org.newsgraph.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;

/**
 * {@code GET /queries}: the SPARQL queries bundled from {@code queries/} (classpath
 * {@code /org/newsgraph/queries/}), listed when asked, as JSON
 * {@code [{"name": "calls", "text": "..."}, ...]} sorted by name.
 */
final class QueriesServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  static final String DIR = "org/newsgraph/queries";

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    JsonArray arr = new JsonArray();
    for (Map.Entry<String, String> e : list().entrySet()) {
      JsonObject o = new JsonObject();
      o.put("name", e.getKey());
      o.put("text", e.getValue());
      arr.add(o);
    }
    resp.setContentType("application/json; charset=utf-8");
    resp.setHeader("Cache-Control", "no-cache");
    JSON.write(resp.getOutputStream(), arr);
  }

  /** The bundled queries by name (file name without {@code .rq}). */
  static Map<String, String> list() throws IOException {
    Map<String, String> out = new TreeMap<>();
    ClassLoader cl = QueriesServlet.class.getClassLoader();
    Enumeration<URL> roots = cl.getResources(DIR);
    while (roots.hasMoreElements()) {
      URL root = roots.nextElement();
      if ("file".equals(root.getProtocol())) {
        try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
          for (Path p : files.filter(f -> f.toString().endsWith(".rq")).toList()) {
            String name = p.getFileName().toString();
            out.putIfAbsent(name.substring(0, name.length() - 3), Files.readString(p, StandardCharsets.UTF_8));
          }
        } catch (URISyntaxException e) {
          throw new IOException(e);
        }
      } else if ("jar".equals(root.getProtocol())) {
        JarURLConnection c = (JarURLConnection) root.openConnection();
        c.setUseCaches(false);
        try (JarFile jar = c.getJarFile()) {
          Enumeration<JarEntry> entries = jar.entries();
          while (entries.hasMoreElements()) {
            JarEntry je = entries.nextElement();
            String n = je.getName();
            if (n.startsWith(DIR + "/") && n.endsWith(".rq") && n.indexOf('/', DIR.length() + 1) < 0) {
              try (InputStream in = jar.getInputStream(je)) {
                out.putIfAbsent(n.substring(DIR.length() + 1, n.length() - 3),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
              }
            }
          }
        }
      }
    }
    return out;
  }
}
