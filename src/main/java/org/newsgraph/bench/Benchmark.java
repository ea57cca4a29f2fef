package org.newsgraph.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.system.Txn;
import org.newsgraph.Pipeline;
import org.newsgraph.article.ArticleReader;
import org.newsgraph.kb.Gazetteer;
import org.newsgraph.query.QueryRunner;
import org.newsgraph.query.QueryWatchdog;
import org.newsgraph.rdf.NG;
import org.newsgraph.server.NewsgraphServer;
import org.newsgraph.store.ArticleLoader;
import org.newsgraph.store.GraphStore;
import org.newsgraph.store.ParallelMapper;

/**
 * One benchmark run, every figure from the same corpus: generation, mapping throughput on one
 * thread and on all, the N-Quads of the corpus and TDB2's bulk load of them, {@code build}
 * through {@link ArticleLoader} with the mapping threads, as the build command runs, peak heap of each
 * stage, store sizes on disk, adding more articles to the built store, and the latency of the
 * queries of {@code queries/} embedded and over HTTP.
 *
 * <pre>{@code
 * Results r = new Benchmark(new Benchmark.Config().articles(10_000).dir(Path.of("data/bench")))
 *     .run(System.err::println);
 * }</pre>
 */
public final class Benchmark {

  /** Settings; every one has a default. */
  public static final class Config {
    int articles = 10_000;
    long seed = 1;
    int threads = Runtime.getRuntime().availableProcessors();
    Path dir = Path.of("data/bench");
    Path corpus;
    int mapArticles = 5_000;
    int batch = 1_000;
    int queryRuns = 20;
    int queryTimeout = 30;
    int addArticles = 1_000;
    boolean http = true;
    byte[] ontology;

    public Config articles(int n) {
      this.articles = n;
      return this;
    }

    public Config seed(long s) {
      this.seed = s;
      return this;
    }

    /**
     * Mapping threads of the stages that write a store (build, additions): one fewer than
     * {@link #threads}, at least one, as the build command's default leaves a core to the writer.
     */
    int writerThreads() {
      return Math.max(1, threads - 1);
    }

    public Config threads(int t) {
      this.threads = t;
      return this;
    }

    /** The working folder: corpus files and stores are made (and replaced) in it. */
    public Config dir(Path d) {
      this.dir = Objects.requireNonNull(d, "dir");
      return this;
    }

    /** An existing JSON Lines corpus to use instead of a generated one. */
    public Config corpus(Path c) {
      this.corpus = c;
      return this;
    }

    /** How many articles the mapping-throughput stages read (the corpus's first ones). */
    public Config mapArticles(int n) {
      this.mapArticles = n;
      return this;
    }

    public Config batch(int n) {
      this.batch = n;
      return this;
    }

    /** Where the figures are written after each stage, or null. */
    Path csv;

    public Config csv(Path f) {
      this.csv = f;
      return this;
    }

    /** An existing store whose queries alone are timed, or null to run every stage. */
    Path queriesOn;

    /**
     * Times only the queries, on this existing store (such as the {@code store-build} of an
     * earlier run), skipping every other stage; null runs them all.
     */
    public Config queriesOn(Path store) {
      this.queriesOn = store;
      return this;
    }

    /** Time the anchored questions only, not every query of queries/ unbound. */
    boolean anchoredQueriesOnly;

    public Config anchoredQueriesOnly(boolean a) {
      this.anchoredQueriesOnly = a;
      return this;
    }

    /** Anchors drawn from the store per anchored query and per draw (0: none). */
    int anchorSamples = 50;

    /**
     * How many anchors each anchored query is timed with, per draw, drawn from the store (see
     * {@link AnchorSampler}); 0 times only the fixed anchors.
     */
    public Config anchorSamples(int n) {
      this.anchorSamples = n;
      return this;
    }

    /** Seconds after which a query is stopped and reported as timed out. */
    public Config queryTimeout(int s) {
      this.queryTimeout = s;
      return this;
    }

    public Config queryRuns(int n) {
      this.queryRuns = n;
      return this;
    }

    /** Articles added to the built store at the end (0: none). */
    public Config addArticles(int n) {
      this.addArticles = n;
      return this;
    }

    public Config http(boolean h) {
      this.http = h;
      return this;
    }

    /** The ontology in Turtle, put into each store as {@code build} does. */
    public Config ontology(byte[] ttl) {
      this.ontology = ttl;
      return this;
    }

    void check() {
      if (articles < 1 || threads < 1 || mapArticles < 1 || batch < 1 || queryRuns < 1
          || addArticles < 0 || anchorSamples < 0) {
        throw new IllegalArgumentException("--articles, --threads, --map-articles, --batch and "
            + "--query-runs must be >= 1, --add-articles and --anchor-samples >= 0");
      }
    }
  }

  private final Config c;
  private final Pipeline pipeline = Pipeline.builder().build();
  private final Results results = new Results();
  private Consumer<String> log = s -> { };

  public Benchmark(Config config) {
    this.c = Objects.requireNonNull(config, "config");
    c.check();
  }

  /** Runs every stage and returns the figures; {@code log} hears what is going on. */
  public Results run(Consumer<String> log) throws IOException {
    this.log = Objects.requireNonNull(log, "log");
    Files.createDirectories(c.dir);
    try (HeapSampler heap = new HeapSampler(10)) {
      results.add("setup", "cores", Runtime.getRuntime().availableProcessors(), "");
      results.add("setup", "max heap", Runtime.getRuntime().maxMemory() / 1048576.0, "MiB");
      if (c.queriesOn != null) {
        if (!Files.isDirectory(c.queriesOn) || GraphStore.isNew(c.queriesOn)) {
          throw new IllegalArgumentException("no store in " + c.queriesOn
              + " (--queries-on needs a store built before, such as DIR/store-build)");
        }
        results.add("store", "size", size(c.queriesOn) / 1048576.0, "MiB", c.queriesOn.toString());
        queries(c.queriesOn, heap);
        checkpoint();
        return results;
      }
      results.add("setup", "mapping threads", c.threads, "");
      Path corpus = corpus();
      int n = countLines(corpus);
      results.add("corpus", "articles", n, "");
      results.add("corpus", "size", Files.size(corpus) / 1048576.0, "MiB");
      Path sample = sample(corpus, Math.min(n, c.mapArticles));
      mapping(sample, 1, heap);
      if (c.threads > 1) {
        mapping(sample, c.threads, heap);
      }
      checkpoint();
      Path nq = nquads(corpus, heap);
      bulkLoad(nq, heap);
      checkpoint();
      Path store = build(corpus, heap);
      checkpoint();
      queries(store, heap);
      checkpoint();
      add(store, n);
      compact(store);
      checkpoint();
    }
    return results;
  }

  /** Writes the figures so far to the CSV file, if any: a stopped run keeps what it measured. */
  private void checkpoint() throws IOException {
    if (c.csv != null) {
      results.writeCsv(c.csv);
    }
  }

  // ---- stages

  private Path corpus() throws IOException {
    if (c.corpus != null) {
      if (!Files.isRegularFile(c.corpus)) {
        throw new IllegalArgumentException("no such corpus file: " + c.corpus);
      }
      return c.corpus;
    }
    Path f = c.dir.resolve("corpus.jsonl");
    log.accept("generating " + c.articles + " articles into " + f);
    long t0 = System.nanoTime();
    CorpusFiles.Written w = CorpusFiles.write(Gazetteer.bundled(), c.seed, c.articles, f,
        c.dir.resolve("corpus-expected.jsonl"));
    double s = secs(t0);
    results.add("generate", "rate", w.articles() / s, "articles/s", "seed " + c.seed);
    results.add("generate", "expected events", w.events(), "");
    return f;
  }

  /** The first {@code n} lines of the corpus, as a file of its own. */
  private Path sample(Path corpus, int n) throws IOException {
    Path f = c.dir.resolve("sample.jsonl");
    try (BufferedReader r = Files.newBufferedReader(corpus, StandardCharsets.UTF_8);
        BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
      String line;
      for (int i = 0; i < n && (line = r.readLine()) != null; i++) {
        w.write(line);
        w.write('\n');
      }
    }
    return f;
  }

  private void mapping(Path sample, int threads, HeapSampler heap) {
    String stage = "map (" + threads + (threads == 1 ? " thread)" : " threads)");
    log.accept(stage + "...");
    heap.reset();
    long[] counts = new long[2];
    long t0 = System.nanoTime();
    new ParallelMapper(pipeline, threads, 512).run(List.of(sample), ArticleReader.DEFAULT_MAX_BYTES,
        m -> {
          counts[0]++;
          counts[1] += m.quads().size();
        }, d -> { });
    double s = secs(t0);
    results.add(stage, "articles", counts[0], "");
    results.add(stage, "rate", counts[0] / s, "articles/s", "read + extract + map, no store");
    results.add(stage, "quads rate", counts[1] / s, "quads/s");
    heapFigures(stage, heap);
  }

  /** Maps the whole corpus on all threads into one N-Quads file, with the ontology graph. */
  private Path nquads(Path corpus, HeapSampler heap) throws IOException {
    Path f = c.dir.resolve("corpus.nq");
    log.accept("mapping the corpus to " + f + "...");
    heap.reset();
    long[] counts = new long[2];
    long t0 = System.nanoTime();
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(f), 1 << 16)) {
      StreamRDF w = StreamRDFWriter.getWriterStream(out, RDFFormat.NQUADS);
      w.start();
      if (c.ontology != null) {
        Node g = NodeFactory.createURI(NG.ONTOLOGY);
        RDFParser.fromString(new String(c.ontology, StandardCharsets.UTF_8), Lang.TURTLE)
            .parse(new StreamRDFBase() {
              @Override
              public void triple(org.apache.jena.graph.Triple t) {
                w.quad(Quad.create(g, t));
              }
            });
      }
      new ParallelMapper(pipeline, c.threads, 512).run(List.of(corpus),
          ArticleReader.DEFAULT_MAX_BYTES, m -> {
            counts[0]++;
            counts[1] += m.quads().size();
            m.quads().forEach(w::quad);
          }, d -> { });
      w.finish();
    }
    double s = secs(t0);
    results.add("map to N-Quads", "articles", counts[0], "", c.threads + " threads, whole corpus");
    results.add("map to N-Quads", "quads", counts[1], "");
    results.add("map to N-Quads", "rate", counts[0] / s, "articles/s");
    results.add("map to N-Quads", "file size", Files.size(f) / 1048576.0, "MiB");
    heapFigures("map to N-Quads", heap);
    return f;
  }

  private void bulkLoad(Path nq, HeapSampler heap) throws IOException {
    Path dir = fresh("store-bulk");
    log.accept("bulk-loading " + nq + " into " + dir + "...");
    heap.reset();
    long t0 = System.nanoTime();
    long n;
    try (GraphStore store = GraphStore.open(dir)) {
      n = store.bulkLoad(List.of(nq), s -> { });
    }
    double s = secs(t0);
    results.add("bulk load", "quads", n, "", "TDB2 phased loader, fresh store");
    results.add("bulk load", "rate", n / s, "quads/s");
    results.add("bulk load", "time", s, "s");
    results.add("bulk load", "store size", size(dir) / 1048576.0, "MiB");
    heapFigures("bulk load", heap);
  }

  private Path build(Path corpus, HeapSampler heap) throws IOException {
    String stage = "build";
    Path dir = fresh("store-build");
    log.accept(stage + " into " + dir + "...");
    heap.reset();
    long t0 = System.nanoTime();
    ArticleLoader.Report r;
    long inStore;
    try (GraphStore store = GraphStore.open(dir)) {
      if (c.ontology != null) {
        store.putOntology(new java.io.ByteArrayInputStream(c.ontology));
      }
      double[] lastLog = {0};
      r = new ArticleLoader(pipeline, store, c.batch, st -> {
        if (st.done() || st.seconds() - lastLog[0] >= 10) {
          lastLog[0] = st.seconds();
          log.accept(String.format(java.util.Locale.ROOT, "  %,d articles, %,.0f articles/s",
              st.articles(), st.rate()));
        }
      }).threads(c.writerThreads()).bulk(true).load(List.of(corpus), ArticleReader.DEFAULT_MAX_BYTES);
      inStore = store.size();
    }
    double s = secs(t0);
    results.add(stage, "articles", r.articles, "", "ArticleLoader as the build command runs it on a "
        + "new store: " + c.writerThreads() + " mapping thread(s) beside the writer, TDB2 bulk loader");
    results.add(stage, "rate", r.articles / s, "articles/s");
    results.add(stage, "quads rate", r.quads / s, "quads/s");
    // Both stages end with the same store; the N-Quads file repeats the reference-graph facts of
    // every article, which the build writes once, so their quads/s do not compare: their times do.
    double bulkTime = results.get("bulk load", "time");
    results.add(stage, "vs bulk load", bulkTime / s, "x",
        "bulk-load time of the mapped corpus over build time from the articles (same store)");
    results.add(stage, "quads in store", inStore, "");
    results.add(stage, "time", s, "s");
    long bytes = size(dir);
    results.add(stage, "store size", bytes / 1048576.0, "MiB");
    results.add(stage, "vs bulk store", bytes / 1048576.0 / results.get("bulk load", "store size"),
        "x");
    heapFigures(stage, heap);
    return dir;
  }

  private void add(Path storeDir, int n) throws IOException {
    if (c.addArticles == 0 || c.corpus != null) {
      return;
    }
    Path f = c.dir.resolve("more.jsonl");
    CorpusGenerator g = new CorpusGenerator(Gazetteer.bundled(), c.seed);
    try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
      for (int i = n; i < n + c.addArticles; i++) {
        w.write(g.article(i).toJson());
        w.write('\n');
      }
    }
    log.accept("adding " + c.addArticles + " articles to " + storeDir + "...");
    long t0 = System.nanoTime();
    ArticleLoader.Report r;
    try (GraphStore store = GraphStore.open(storeDir)) {
      r = new ArticleLoader(pipeline, store, c.batch, null).threads(c.writerThreads())
          .load(List.of(f), ArticleReader.DEFAULT_MAX_BYTES);
    }
    results.add("add articles", "time", secs(t0), "s", r.articles + " new articles, ArticleLoader");
  }

  private void compact(Path storeDir) throws IOException {
    log.accept("compacting " + storeDir + "...");
    long t0 = System.nanoTime();
    try (GraphStore store = GraphStore.open(storeDir)) {
      store.compact();
    }
    results.add("compact", "time", secs(t0), "s", "the build store, after the additions");
    results.add("compact", "store size", size(storeDir) / 1048576.0, "MiB");
  }

  // ---- queries

  /** A query to time: a file of queries/ with some parameters bound. */
  record QueryCase(String name, String text, Map<String, String> params) {}

  private void queries(Path storeDir, HeapSampler heap) throws IOException {
    List<QueryCase> cases = queryCases(c.anchoredQueriesOnly);
    try (GraphStore store = GraphStore.open(storeDir)) {
      Dataset ds = store.dataset();
      for (QueryCase q : cases) {
        log.accept("query " + label(q) + " (embedded)...");
        Query query = QueryFactory.create(q.text());
        Binding b = binding(query, q.params());
        time("query (embedded)", q, () -> runEmbedded(ds, query, b));
        String lookups = lookupsOf(q);
        if (lookups != null) {
          log.accept("query " + label(q) + ", its look-ups alone (embedded)...");
          Query plain = QueryFactory.create(lookups);
          Binding pb = binding(plain, q.params());
          time("query look-ups alone (embedded)", q, () -> runEmbedded(ds, plain, pb));
        }
      }
      if (c.anchorSamples > 0) {
        sampled(ds);
      }
      if (c.http) {
        // the server stops a query at the same limit as the client, which would otherwise leave
        // it running there while the next ones are timed
        NewsgraphServer server = NewsgraphServer.start(store,
            new NewsgraphServer.Config().port(0).timeoutSeconds(c.queryTimeout).maxResults(0));
        try {
          for (QueryCase q : cases) {
            log.accept("query " + label(q) + " (HTTP)...");
            Query query = QueryFactory.create(q.text());
            Map<Var, Node> subst = new LinkedHashMap<>();
            binding(query, q.params()).forEach((v, n) -> subst.put(v, n));
            Query sent = subst.isEmpty() ? query : substituted(query, subst);
            if (sent == null) {
              results.add("query (HTTP)", label(q) + " p50", Double.NaN, "ms",
                  "not run: the parameters cannot be written into the query text");
              continue;
            }
            time("query (HTTP)", q, () -> {
              try (QueryExecution qe = QueryExecutionHTTP.service(server.sparqlUrl()).query(sent)
                  .timeout(c.queryTimeout, java.util.concurrent.TimeUnit.SECONDS).build()) {
                return consume(sent, qe);
              }
            });
          }
        } finally {
          server.close();
        }
      }
    }
  }

  /**
   * The look-ups of an anchored case as plain patterns ({@link QueryFiles#lookups}), timed beside
   * it to show what the store's indexes alone cost for its answer; null for the other cases.
   */
  static String lookupsOf(QueryCase q) throws IOException {
    return ENTITY_ANCHORED.contains(q.name()) && !q.params().isEmpty()
        ? QueryFiles.lookups(q.name()) : null;
  }

  /** The anchored queries timed over anchors drawn from the store, in this order. */
  static final List<String> SAMPLED = List.of("actor-events", "calls-in-month", "attacks",
      "dyad-events");

  /** Timed runs of each sampled anchor; its figure is their median. */
  static final int SAMPLE_RUNS = 3;

  /** Seconds the listing of a query's candidate anchors may take. */
  static final int CANDIDATES_TIMEOUT = 600;

  /**
   * The anchored queries over anchors drawn from the store ({@link AnchorSampler}): for each
   * draw, the p50, p95 and largest of the anchors' median times and the sizes of their answers;
   * for each query, what one more row of answer costs (a least-squares line through all its
   * sampled anchors). Every anchor's figures go to {@code query-samples.csv} in the working
   * folder.
   */
  private void sampled(Dataset ds) throws IOException {
    final String stage = "query sample (embedded)";
    Map<String, String> files = QueryFiles.all();
    StringBuilder csv = new StringBuilder("query,draw,anchor,events,rows,median ms\n");
    for (String name : SAMPLED) {
      String text = files.get(name);
      if (text == null) {
        continue;
      }
      log.accept("query " + name + ": listing the anchors the store holds...");
      long t0 = System.nanoTime();
      List<AnchorSampler.Anchor> candidates;
      try {
        candidates = AnchorSampler.candidates(ds, name, CANDIDATES_TIMEOUT);
      } catch (RuntimeException e) {
        results.add(stage, name + " anchors", Double.NaN, "", "not listed: " + e);
        continue;
      }
      results.add(stage, name + " anchors", candidates.size(), "", String.format(
          java.util.Locale.ROOT, "anchors the store holds, listed in %.1f s", secs(t0)));
      Query query = QueryFactory.create(text);
      List<double[]> points = new ArrayList<>();
      for (AnchorSampler.Draw d : AnchorSampler.Draw.values()) {
        List<AnchorSampler.Anchor> sample = AnchorSampler.draw(candidates, c.anchorSamples, d,
            new java.util.Random(c.seed * 31 + d.ordinal()));
        if (sample.isEmpty()) {
          continue;
        }
        log.accept("query " + name + " over " + sample.size() + " anchors drawn " + d.label
            + " (embedded)...");
        List<Binding> bindings = sample.stream().map(AnchorSampler.Anchor::binding).toList();
        // warm-up through the sample, as for the fixed anchors
        long warm = System.nanoTime() + WARM_UP_NANOS;
        for (int i = 0; i < sample.size() * SAMPLE_RUNS && System.nanoTime() < warm; i++) {
          try {
            runEmbedded(ds, query, bindings.get(i % sample.size()));
          } catch (RuntimeException e) {
            // an anchor stopped by the timeout is counted in the timed runs below
          }
        }
        List<Double> medians = new ArrayList<>();
        List<Double> rows = new ArrayList<>();
        int failed = 0;
        String draw = d.name().toLowerCase(java.util.Locale.ROOT);
        for (int k = 0; k < sample.size(); k++) {
          AnchorSampler.Anchor a = sample.get(k);
          double[] ms = new double[SAMPLE_RUNS];
          long n = 0;
          try {
            for (int r = 0; r < SAMPLE_RUNS; r++) {
              long t1 = System.nanoTime();
              n = runEmbedded(ds, query, bindings.get(k));
              ms[r] = (System.nanoTime() - t1) / 1e6;
            }
          } catch (RuntimeException e) {
            failed++;
            continue;
          }
          Arrays.sort(ms);
          double median = ms[SAMPLE_RUNS / 2];
          medians.add(median);
          rows.add((double) n);
          points.add(new double[] {n, median});
          csv.append(name).append(',').append(draw)
              .append(',').append(Results.csv(a.label())).append(',').append(a.events()).append(',')
              .append(n).append(',').append(String.format(java.util.Locale.ROOT, "%.3f", median))
              .append('\n');
        }
        medians.sort(Comparator.naturalOrder());
        rows.sort(Comparator.naturalOrder());
        String note = String.format(java.util.Locale.ROOT,
            "%d anchors drawn %s among %d (seed %d), median of %d runs each; rows p50 %.0f, max %.0f%s",
            medians.size(), d.label, candidates.size(), c.seed, SAMPLE_RUNS, percentile(rows, 50),
            rows.isEmpty() ? Double.NaN : rows.get(rows.size() - 1),
            failed == 0 ? "" : "; " + failed + " stopped by the timeout, left out");
        String key = name + " " + draw;
        results.add(stage, key + " p50", percentile(medians, 50), "ms", note);
        results.add(stage, key + " p95", percentile(medians, 95), "ms", note);
        results.add(stage, key + " max", medians.isEmpty() ? Double.NaN
            : medians.get(medians.size() - 1), "ms", note);
        checkpoint();
      }
      double[] line = leastSquares(points);
      if (line != null) {
        results.add(stage, name + " cost per row", line[1] * 1000, "µs", String.format(
            java.util.Locale.ROOT, "least-squares line through the %d sampled anchors: "
                + "ms = %.2f + %.4f x rows", points.size(), line[0], line[1]));
      }
    }
    Files.writeString(c.dir.resolve("query-samples.csv"), csv, StandardCharsets.UTF_8);
  }

  /** Runs the query on the store with its parameters bound, and returns how many results it gave. */
  private long runEmbedded(Dataset ds, Query query, Binding binding) {
    return Txn.calculateRead(ds, () -> {
      try (QueryExecution qe = QueryExecution.create().query(query).dataset(ds)
          .substitution(binding).timeout(c.queryTimeout, java.util.concurrent.TimeUnit.SECONDS)
          .build();
          QueryWatchdog watchdog = QueryWatchdog.watch(c.queryTimeout * 1000L, qe::abort,
              qe::isClosed)) {
        return consume(query, qe);
      }
    });
  }

  /** Intercept and slope of the least-squares line through (x, y) points, or null. */
  static double[] leastSquares(List<double[]> points) {
    int n = points.size();
    if (n < 2) {
      return null;
    }
    double sx = 0;
    double sy = 0;
    for (double[] p : points) {
      sx += p[0];
      sy += p[1];
    }
    double mx = sx / n;
    double my = sy / n;
    double sxx = 0;
    double sxy = 0;
    for (double[] p : points) {
      sxx += (p[0] - mx) * (p[0] - mx);
      sxy += (p[0] - mx) * (p[1] - my);
    }
    if (sxx == 0) {
      return null;
    }
    double slope = sxy / sxx;
    return new double[] {my - slope * mx, slope};
  }

  /** The query with the variables replaced in its text, or null when that is not valid SPARQL. */
  private static Query substituted(Query q, Map<Var, Node> subst) {
    try {
      return QueryFactory.create(QueryTransformOps.replaceVars(q, subst).serialize());
    } catch (RuntimeException e) {
      return null;
    }
  }

  private interface Timed {
    long run();
  }

  private void time(String stage, QueryCase q, Timed t) {
    timeOnce(stage, q, t);
    // the figures so far go to the CSV after each query too: unbound listings of a large store
    // can take minutes each, and a run stopped among them keeps what it measured
    try {
      checkpoint();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void timeOnce(String stage, QueryCase q, Timed t) {
    long rows;
    long t0 = System.nanoTime();
    try {
      rows = t.run();
    } catch (RuntimeException e) {
      results.add(stage, label(q) + " p50", Double.NaN, "ms", String.format(
          "stopped after %.0f s (timeout %d s): %s", secs(t0), c.queryTimeout,
          e.getClass().getSimpleName()));
      return;
    }
    double first = secs(t0);
    if (first > c.queryTimeout) {
      // ARQ checks the limit between results: a query that computes long before its first one
      // runs past it; it is reported as over the limit, and not run again
      results.add(stage, label(q) + " p50", Double.NaN, "ms", String.format(java.util.Locale.ROOT,
          "%d rows after %.0f s, over the timeout of %d s (not run again)", rows, first,
          c.queryTimeout));
      return;
    }
    // warm-up, as on a server that has been answering for a while: the JIT compiles the query
    // engine's hot paths only after some runs (more runs than fit in 3 s are not made)
    long warm = System.nanoTime() + WARM_UP_NANOS;
    for (int i = 0; i < c.queryRuns && System.nanoTime() < warm; i++) {
      try {
        t.run();
      } catch (RuntimeException e) {
        break; // stopped by the time limit: the timed runs below count such runs
      }
    }
    List<Double> ms = new ArrayList<>();
    int stopped = 0;
    long budget = System.nanoTime() + 10_000_000_000L;
    for (int i = 0; i < c.queryRuns; i++) {
      long t1 = System.nanoTime();
      try {
        t.run();
      } catch (RuntimeException e) {
        // a run stopped by the time limit counts with the time it took, a lower bound
        stopped++;
      }
      ms.add((System.nanoTime() - t1) / 1e6);
      if (i >= 2 && System.nanoTime() > budget) {
        break;
      }
    }
    ms.sort(Comparator.naturalOrder());
    String note = rows + " rows, " + ms.size() + " runs after warm-up"
        + (stopped == 0 ? "" : ", " + stopped + " of them stopped by the timeout (their time counts)");
    results.add(stage, label(q) + " p50", percentile(ms, 50), "ms", note);
    results.add(stage, label(q) + " p95", percentile(ms, 95), "ms", note);
  }

  /** Time spent at most warming a query up before its timed runs. */
  static final long WARM_UP_NANOS = 3_000_000_000L;

  static double percentile(List<Double> sorted, int p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  private static String label(QueryCase q) {
    if (q.params().isEmpty()) {
      return q.name();
    }
    StringBuilder b = new StringBuilder(q.name()).append('(');
    q.params().forEach((k, v) -> b.append(b.charAt(b.length() - 1) == '(' ? "" : " ")
        .append(k).append('=').append(v));
    return b.append(')').toString();
  }

  private static Binding binding(Query q, Map<String, String> params) {
    BindingBuilder b = BindingBuilder.create();
    QueryRunner.parseParams(params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .toList(), QueryRunner.prefixes(q)).forEach((k, v) -> b.add(Var.alloc(k), v));
    return b.build();
  }

  private static long consume(Query q, QueryExecution qe) {
    if (q.isSelectType()) {
      ResultSet rs = qe.execSelect();
      long n = 0;
      while (rs.hasNext()) {
        rs.next();
        n++;
      }
      return n;
    }
    if (q.isAskType()) {
      return qe.execAsk() ? 1 : 0;
    }
    return q.isConstructType() ? qe.execConstruct().size() : qe.execDescribe().size();
  }

  /**
   * Every query of queries/ unbound (unless only the anchored ones are asked for), and the usual
   * anchored questions: one actor's events, the calls of one month, the attacks at one place...
   */
  /** The queries that start from one entity or one month: what the latency targets are about. */
  static final java.util.Set<String> ENTITY_ANCHORED = java.util.Set.of("actor-events",
      "calls-in-month", "attacks", "dyad-events");

  static List<QueryCase> queryCases(boolean anchoredOnly) throws IOException {
    Map<String, String> files = QueryFiles.all();
    List<QueryCase> out = new ArrayList<>();
    if (!anchoredOnly) {
      files.forEach((name, text) -> out.add(new QueryCase(name, text, Map.of())));
    }
    String[][] anchored = {
        {"actor-events", "qid", "wd:Q7747"},
        {"actor-events", "qid", "wd:Q3052772"},
        {"calls", "from", "\"2023-09\"", "to", "\"2023-09\""},
        {"calls-in-month", "month", "\"2023-09\""},
        {"calls", "status", "ng:Denied"},
        {"attacks", "place", "wd:Q912"},
        {"dyad-events", "a", "wd:Q7747", "b", "wd:Q3052772"},
        {"status", "status", "ng:Denied"},
        {"dyads", "class", "ng:Accusation"}};
    for (String[] a : anchored) {
      if (anchoredOnly && !ENTITY_ANCHORED.contains(a[0])) {
        continue;
      }
      String text = files.get(a[0]);
      if (text != null) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 1; i + 1 < a.length; i += 2) {
          params.put(a[i], a[i + 1]);
        }
        out.add(new QueryCase(a[0], text, params));
      }
    }
    return out;
  }

  // ---- helpers

  /** The stage's peak heap and the largest heap left after a collection (what it holds). */
  private void heapFigures(String stage, HeapSampler heap) {
    results.add(stage, "peak heap", heap.peak() / 1048576.0, "MiB");
    results.add(stage, "heap after GC", heap.peakLive() / 1048576.0, "MiB",
        "largest heap left after a collection: what the stage holds");
  }

  private Path fresh(String name) throws IOException {
    Path d = c.dir.resolve(name);
    if (Files.exists(d)) {
      try (Stream<Path> s = Files.walk(d)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    return d;
  }

  static long size(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    }
  }

  private static int countLines(Path f) throws IOException {
    try (Stream<String> lines = Files.lines(f, StandardCharsets.UTF_8)) {
      return (int) lines.filter(l -> !l.isBlank()).count();
    }
  }

  private static double secs(long t0) {
    return Math.max((System.nanoTime() - t0) / 1e9, 1e-9);
  }

  /** The ontology bundled in the jar, or null. */
  public static byte[] bundledOntology() throws IOException {
    try (InputStream in = Benchmark.class.getResourceAsStream("/org/newsgraph/ontology/newsgraph.ttl")) {
      return in == null ? null : in.readAllBytes();
    }
  }

  static String join(String... s) {
    return String.join(" ", Arrays.asList(s));
  }
}
