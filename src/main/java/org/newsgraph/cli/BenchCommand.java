package org.newsgraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.newsgraph.bench.Benchmark;
import org.newsgraph.bench.Results;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {
        "Measures newsgraph on a generated corpus (or --corpus FILE), all in one run: mapping "
            + "throughput on 1 thread and on --threads, the corpus mapped to N-Quads and TDB2's "
            + "bulk load of them, 'build' as the build command runs it (mapping threads, one writer), "
            + "peak heap per stage, store sizes, adding --add-articles more articles, compaction, "
            + "and p50/p95 latency of every query of queries/ (plus anchored variants) embedded and "
            + "over HTTP, of each anchored one's index look-ups alone (the same look-ups as plain "
            + "patterns: what the store costs for its answer), and of the anchored ones over "
            + "anchors drawn from the store (--anchor-samples).",
        "Prints a table and writes it as CSV (--out; written after each stage and each query too, so a stopped run keeps its figures). Stores and corpus files go to --store "
            + "DIR, whose store-* folders are replaced."})
final class BenchCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--articles", paramLabel = "N", defaultValue = "10000",
      description = "Articles to generate (default: ${DEFAULT-VALUE}).")
  int articles;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed of the generated corpus (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--corpus", paramLabel = "FILE.jsonl",
      description = "Use this corpus instead of generating one (--articles is then ignored).")
  Path corpus;

  @Option(names = "--threads", paramLabel = "T",
      description = "Mapping threads of the mapping stages (default: the number of cores); the "
          + "stages that write a store map on one fewer (at least 1), beside the writer, as "
          + "'build' does by default.")
  Integer threads;

  @Option(names = "--store", paramLabel = "DIR", defaultValue = "data/bench",
      description = "Working folder for corpus files and stores (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(names = "--out", paramLabel = "FILE.csv",
      description = "CSV of the figures (default: DIR/results.csv).")
  Path out;

  @Option(names = "--map-articles", paramLabel = "N", defaultValue = "5000",
      description = "Articles read by the mapping-throughput stages (default: ${DEFAULT-VALUE}).")
  int mapArticles;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "1000",
      description = "Articles per write transaction in the build stages (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--query-runs", paramLabel = "N", defaultValue = "20",
      description = "Timed runs of each query (default: ${DEFAULT-VALUE}), after a first run and "
          + "up to as many warm-up runs as fit in 3 s, as on a server that has been running a while.")
  int queryRuns;

  @Option(names = "--query-timeout", paramLabel = "SECONDS", defaultValue = "30",
      description = "Stop a query after this long and report it as timed out (default: "
          + "${DEFAULT-VALUE}); it is cancelled again until it stops, embedded and on the "
          + "server. One that still runs past the limit is reported as over it, with the time "
          + "it took, and not run again.")
  int queryTimeout;

  @Option(names = "--anchor-samples", paramLabel = "N", defaultValue = "50",
      description = "Besides their fixed anchors, time the anchored questions over N anchors drawn "
          + "from the store, twice: uniformly among the anchors it holds, and in proportion to "
          + "their events (median of 3 runs per anchor; p50, p95 and largest over the anchors, "
          + "and the cost of one more row of answer); every anchor's figures go to "
          + "DIR/query-samples.csv (default: ${DEFAULT-VALUE}; 0: fixed anchors only).")
  int anchorSamples;

  @Option(names = "--add-articles", paramLabel = "N", defaultValue = "1000",
      description = "New articles added to the built store at the end (default: ${DEFAULT-VALUE}; 0: none).")
  int addArticles;

  @Option(names = "--no-http", description = "Do not time the queries over HTTP.")
  boolean noHttp;

  @Option(names = "--queries-on", paramLabel = "STORE",
      description = "Only time the queries, on this existing store (such as DIR/store-build, left "
          + "by an earlier run), and skip every other stage: to time the queries of a large store "
          + "again, or of your own.")
  Path queriesOn;

  @Option(names = "--anchored-queries-only",
      description = "Time only the questions that start from one entity or one month (one actor's "
          + "events, the calls of one month, the attacks at one place, the events between two "
          + "actors), not every query of "
          + "queries/ unbound nor the other parameterised ones: those read much of the store and "
          + "take seconds to minutes on large ones.")
  boolean anchoredOnly;

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Benchmark.Config config = new Benchmark.Config().articles(articles).seed(seed).corpus(corpus)
        .dir(dir).mapArticles(mapArticles).batch(batch).queryRuns(queryRuns).queryTimeout(queryTimeout)
        .addArticles(addArticles).http(!noHttp).anchoredQueriesOnly(anchoredOnly)
        .anchorSamples(anchorSamples).queriesOn(queriesOn)
        .ontology(Benchmark.bundledOntology()).csv(out != null ? out : dir.resolve("results.csv"));
    if (threads != null) {
      config.threads(threads);
    }
    long t0 = System.nanoTime();
    Results r = new Benchmark(config).run(msg -> {
      err.println("newsgraph: " + msg);
      err.flush();
    });
    Path csv = out != null ? out : dir.resolve("results.csv");
    r.writeCsv(csv);
    r.printTable(o);
    o.printf("%nBenchmark finished in %.0f s; figures written to %s%n",
        (System.nanoTime() - t0) / 1e9, csv);
    o.flush();
    return 0;
  }
}
