package org.newsgraph.bench;

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
import java.util.stream.Stream;

/**
 * The queries to time, by name: the {@code .rq} files of {@code queries/} in the working
 * directory when there is one, else those bundled in the jar.
 */
final class QueryFiles {

  private static final String BUNDLED = "org/newsgraph/queries";

  private QueryFiles() {}

  static Map<String, String> all() throws IOException {
    Path local = Path.of("queries");
    if (Files.isDirectory(local)) {
      return folder(local);
    }
    Map<String, String> out = new TreeMap<>();
    Enumeration<URL> roots = QueryFiles.class.getClassLoader().getResources(BUNDLED);
    while (roots.hasMoreElements()) {
      URL root = roots.nextElement();
      if ("file".equals(root.getProtocol())) {
        try {
          folder(Path.of(root.toURI())).forEach(out::putIfAbsent);
        } catch (URISyntaxException e) {
          throw new IOException("bad query folder " + root, e);
        }
      } else if ("jar".equals(root.getProtocol())) {
        JarURLConnection conn = (JarURLConnection) root.openConnection();
        conn.setUseCaches(false);
        try (var jar = conn.getJarFile()) {
          for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
            String name = e.nextElement().getName();
            String rest = name.startsWith(BUNDLED + "/") ? name.substring(BUNDLED.length() + 1) : "";
            if (rest.endsWith(".rq") && !rest.contains("/")) {
              try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
                out.putIfAbsent(rest.substring(0, rest.length() - 3),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
              }
            }
          }
        }
      }
    }
    return out;
  }

  /** Where the bundled look-up queries are, one per anchored query (see {@link #lookups}). */
  private static final String LOOKUPS = "/org/newsgraph/bench/lookups/";

  /**
   * The index look-ups of the anchored query {@code name} as plain patterns (a query bundled with
   * the benchmark, taking the same parameters), or null when it has none.
   */
  static String lookups(String name) throws IOException {
    try (InputStream in = QueryFiles.class.getResourceAsStream(LOOKUPS + name + ".rq")) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Map<String, String> folder(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(f -> f.getFileName().toString().endsWith(".rq")).toList()) {
        String n = p.getFileName().toString();
        out.put(n.substring(0, n.length() - 3), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
