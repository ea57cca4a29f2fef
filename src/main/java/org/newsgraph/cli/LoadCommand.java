package org.newsgraph.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.jena.riot.RDFLanguages;
import org.newsgraph.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "load", mixinStandardHelpOptions = true,
    description = {
        "Bulk-loads RDF files (TriG, N-Quads, Turtle, N-Triples, JSON-LD, RDF/XML; .gz too) "
            + "into the store with TDB2's phased loader: the fast way in for large inputs, such as "
            + "the output of 'newsgraph map' or the N-Quads shards of the Spark job.",
        "A folder stands for the RDF files in it (by extension, such as part-00000.nq or "
            + "part-00000.nq.gz), in name order; names starting with '_' or '.' are skipped.",
        "Quads keep their named graphs; triples go to the default graph. Loading adds: use "
            + "'build' to replace an article's graph."})
final class LoadCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  StoreOption storeOption;

  @Parameters(paramLabel = "FILE", arity = "1..*",
      description = "RDF files to load, or folders of them.")
  List<Path> paths;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        List<Path> in = rdfFilesIn(p);
        if (in.isEmpty()) {
          err.println(p + ": error: no RDF file in this folder (such as *.nq, *.nq.gz, *.trig)");
          err.flush();
          return 1;
        }
        files.addAll(in);
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        err.println(p + ": error: no such file or folder");
        err.flush();
        return 1;
      }
    }
    long t0 = System.nanoTime();
    try (GraphStore store = GraphStore.open(storeOption.store)) {
      try (InputStream ont = Cli.ontology()) {
        store.putOntology(ont);
      }
      long n;
      try {
        n = store.bulkLoad(files, msg -> {
          err.println("newsgraph: " + msg);
          err.flush();
        });
      } catch (org.apache.jena.riot.RiotException e) {
        err.println("newsgraph: load failed, nothing was committed: " + e.getMessage());
        err.flush();
        return 1;
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      out.printf("Loaded %,d quads/triples from %d file(s) in %.1f s (%,.0f per second).%n", n,
          files.size(), secs, n / Math.max(secs, 1e-9));
    }
    out.flush();
    return 0;
  }

  /** The files of a folder (not its sub-folders) whose extension names an RDF syntax, by name. */
  static List<Path> rdfFilesIn(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(f -> {
            String n = f.getFileName().toString();
            return !n.startsWith("_") && !n.startsWith(".") && RDFLanguages.filenameToLang(n) != null;
          })
          .sorted()
          .toList();
    }
  }
}
