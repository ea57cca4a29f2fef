package org.newsgraph.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.newsgraph.article.Diagnostic;

/** Small helpers shared by the commands. */
final class Cli {

  private Cli() {}

  /** The ontology bundled in the jar. */
  static InputStream ontology() throws IOException {
    InputStream in = Cli.class.getResourceAsStream("/org/newsgraph/ontology/newsgraph.ttl");
    if (in == null) {
      throw new IOException("the ontology is missing from the jar");
    }
    return in;
  }

  /** A query of queries/: the folder in the working directory first, then the bundled copy. */
  static String namedQuery(String name) throws IOException {
    Path local = Path.of("queries", name + ".rq");
    if (Files.isRegularFile(local)) {
      return Files.readString(local);
    }
    try (InputStream in = Cli.class.getResourceAsStream("/org/newsgraph/queries/" + name + ".rq")) {
      if (in == null) {
        throw new IllegalArgumentException("no query named '" + name + "' (see queries/ for the names)");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  static void printProblems(List<Diagnostic> problems, PrintWriter err) {
    for (Diagnostic d : problems) {
      err.println(d);
    }
    err.flush();
  }
}
