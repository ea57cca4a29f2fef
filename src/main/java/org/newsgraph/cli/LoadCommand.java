package org.newsgraph.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsgraph.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "load", mixinStandardHelpOptions = true,
    description = {
        "Bulk-loads RDF files (TriG, N-Quads, Turtle, N-Triples, JSON-LD, RDF/XML; .gz too) "
            + "into the store with TDB2's phased loader: the fast way in for large inputs, such as "
            + "the output of 'newsgraph map'.",
        "Quads keep their named graphs; triples go to the default graph. Loading adds: use "
            + "'build' to replace an article's graph."})
final class LoadCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  StoreOption storeOption;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "RDF files to load.")
  List<Path> files;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        err.println(f + ": error: no such file");
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
}
