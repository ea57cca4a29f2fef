package org.newsgraph.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newsgraph.Pipeline;
import org.newsgraph.article.ArticleReader;
import org.newsgraph.article.Diagnostic;
import org.newsgraph.rdf.NG;
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

  @Option(names = "--base", paramLabel = "IRI", defaultValue = NG.DEFAULT_BASE,
      description = "Base IRI of the data (default: ${DEFAULT-VALUE}).")
  String base;

  @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "" + ArticleReader.DEFAULT_MAX_BYTES,
      description = "Size limit of one article in bytes (default: ${DEFAULT-VALUE}).")
  int maxBytes;

  @Option(names = "--article-timeout", paramLabel = "SECONDS", defaultValue = "10",
      description = "Time limit for extracting one article; a slower article is reported as an error"
          + " and skipped (default: ${DEFAULT-VALUE}; 0: none).")
  double articleTimeout;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Pipeline pipeline = Pipeline.builder().base(base).build();
    ArticleLoader.Report r;
    long t0 = System.nanoTime();
    try (GraphStore store = GraphStore.open(storeOption.store)) {
      try (InputStream ont = Cli.ontology()) {
        store.putOntology(ont);
      }
      r = new ArticleLoader(pipeline, store, batch, msg -> {
        err.println("newsgraph: " + msg);
        err.flush();
      }).articleTimeLimit(java.time.Duration.ofMillis(Math.round(Math.max(0, articleTimeout) * 1000)))
          .load(paths, maxBytes);
      Cli.printProblems(r.problems, err);
      long total = store.size();
      double secs = (System.nanoTime() - t0) / 1e9;
      out.printf("Built %d article(s) into %s in %.1f s: %,d quads written, %,d in the store.%n",
          r.articles, storeOption.store, secs, r.quads, total);
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
        .forEach(c -> out.printf("  %-10s  %-11s %s%s%s  [%s]%n", c.date(), c.type(),
            String.join(" – ", c.participants()),
            c.initiator() == null ? "" : "  (initiated by " + c.initiator() + ")",
            c.status().equals("Occurred") ? "" : "  " + c.status().toUpperCase(java.util.Locale.ROOT),
            c.article()));
    out.flush();
    long errors = r.problems.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
    if (errors > 0) {
      err.printf("newsgraph: %d input problem(s); the other articles were built.%n", errors);
      return 1;
    }
    return 0;
  }

  private static void printCounts(PrintWriter out, Map<String, Integer> counts) {
    if (counts.isEmpty()) {
      out.println("  (none)");
    }
    counts.forEach((k, v) -> out.printf("  %-14s %6d%n", k, v));
  }
}
