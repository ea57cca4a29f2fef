package org.newsgraph.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newsgraph.Pipeline;
import org.newsgraph.article.Diagnostic;
import org.newsgraph.store.ArticleLoader;
import org.newsgraph.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "build", mixinStandardHelpOptions = true,
    description = {
        "Reads articles, extracts actors, places and events, and writes each article into its "
            + "own named graph of the store (replacing the article's previous graph), then prints a "
            + "summary.",
        "PATH: text files (first line ' date YYYY-MM'), folders of them, or .jsonl files with "
            + "one JSON article per line (id, date, title, text, url, lang)."})
final class BuildCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  StoreOption storeOption;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Input files or folders (default: seeds).")
  List<Path> paths = List.of(Path.of("seeds"));

  @Option(names = "--batch", paramLabel = "N", defaultValue = "1000",
      description = "Articles per write transaction (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--threads", paramLabel = "T",
      description = "Threads that map articles while one writes to the store (default: one fewer "
          + "than the cores, at least 1, since the writer keeps a core busy too; here "
          + "${DEFAULT-VALUE}). The store is the same for any number.")
  int threads = ArticleLoader.defaultThreads();

  @Option(names = "--calls", paramLabel = "N", defaultValue = "20",
      description = "Interactions listed in the summary, earliest first among the first "
          + ArticleLoader.CALLS_KEPT + " read (default: ${DEFAULT-VALUE}; the 'calls' query lists "
          + "them all).")
  int callsShown;

  @Option(names = "--progress-interval", paramLabel = "SECONDS", defaultValue = "2",
      description = "Seconds between progress lines when standard error is not a terminal (a log, "
          + "a pipe); on a terminal a bar is redrawn in place (default: ${DEFAULT-VALUE}).")
  double progressInterval;

  @Option(names = "--no-bulk",
      description = "Write a new store in transactions of --batch articles too. By default a new "
          + "store (a folder that does not exist or is empty) is written with TDB2's bulk loader, "
          + "several times faster, in a staging folder renamed into place at the end: until then "
          + "the store is absent, and a build stopped part way leaves nothing. Builds into an "
          + "existing store always use transactions: each batch is in the store once committed.")
  boolean noBulk;

  @Mixin
  MappingOptions mapping;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Pipeline pipeline = Pipeline.builder().base(mapping.base).build();
    ArticleLoader.Report r;
    long t0 = System.nanoTime();
    Path dir = storeOption.store.toAbsolutePath().normalize();
    boolean bulk = !noBulk && GraphStore.isNew(dir);
    Path target = bulk ? dir.resolveSibling(dir.getFileName() + ".building") : storeOption.store;
    if (bulk) {
      deleteTree(target); // left by a bulk build that was stopped
    }
    try (GraphStore store = GraphStore.open(target)) {
      try (InputStream ont = Cli.ontology()) {
        store.putOntology(ont);
      }
      if (threads < 1) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "--threads must be at least 1: " + threads);
      }
      r = new ArticleLoader(pipeline, store, batch, ProgressBar.forStandardError(err, progressInterval))
          .threads(threads)
          .bulk(bulk)
          .articleTimeLimit(mapping.articleTimeLimit())
          .load(paths, mapping.maxBytes);
      Cli.printProblems(r.problems, err);
      double secs = (System.nanoTime() - t0) / 1e9;
      long total = store.size();
      out.printf("Built %d article(s) into %s in %.1f s: %,d quads written, %,d in the store.%n",
          r.articles, storeOption.store, secs, r.quads, total);
    }
    if (bulk) {
      Files.deleteIfExists(dir); // an empty folder, if any
      Files.move(target, dir, StandardCopyOption.ATOMIC_MOVE);
    }
    out.println();
    out.println("Entities by type:");
    printCounts(out, r.entitiesByType);
    out.println("Events by type:");
    printCounts(out, r.eventsByType);
    out.println("Diplomatic interactions:");
    if (r.calls.isEmpty()) {
      out.println("  (none)");
    }
    r.calls.stream().sorted(Comparator.comparing(ArticleLoader.Call::date)
            .thenComparing(ArticleLoader.Call::article))
        .limit(Math.max(0, callsShown))
        .forEach(c -> out.printf("  %-10s  %-11s %s%s%s  [%s]%n", c.date(), c.type(),
            String.join(" – ", c.participants()),
            c.initiator() == null ? "" : "  (initiated by " + c.initiator() + ")",
            c.status().equals("Occurred") ? "" : "  " + c.status().toUpperCase(java.util.Locale.ROOT),
            c.article()));
    if (r.callCount > Math.min(r.calls.size(), Math.max(0, callsShown))) {
      out.printf("  ... %,d in all; list them with: newsgraph query calls%n", r.callCount);
    }
    out.flush();
    long errors = r.problems.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
    if (errors > 0) {
      err.printf("newsgraph: %d input problem(s); the other articles were built.%n", errors);
      return 1;
    }
    return 0;
  }

  private static void deleteTree(Path p) throws java.io.IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (java.util.stream.Stream<Path> s = Files.walk(p)) {
      for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }

  private static void printCounts(PrintWriter out, Map<String, Integer> counts) {
    if (counts.isEmpty()) {
      out.println("  (none)");
    }
    counts.forEach((k, v) -> out.printf("  %-14s %6d%n", k, v));
  }
}
