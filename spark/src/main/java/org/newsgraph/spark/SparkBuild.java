package org.newsgraph.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import org.newsgraph.article.ArticleReader;
import org.newsgraph.article.Diagnostic;
import org.newsgraph.cli.MappingOptions;
import org.newsgraph.rdf.NG;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import scala.Tuple2;

/**
 * Maps a corpus on Spark into N-Quads shards: the {@code newsgraph build} pipeline, one partition
 * per task, one shard per partition, each article in its own named graph. Load the shards with
 * {@code newsgraph load --store DIR OUTPUT} (or Jena's {@code tdb2.xloader} for very large data).
 *
 * <pre>
 * spark-submit --master yarn --class org.newsgraph.spark.SparkBuild newsgraph-spark-all.jar \
 *     hdfs:///corpus/ -o hdfs:///newsgraph/shards --partitions 400
 * </pre>
 */
@Command(name = "newsgraph-spark", mixinStandardHelpOptions = true, version = "newsgraph-spark 0.1.0",
    sortOptions = false,
    description = {
        "Maps a corpus of articles on Spark and writes one N-Quads shard per partition "
            + "(part-00000.nq, ...) into the output folder, each article in its own named graph as "
            + "'newsgraph build' writes it, with _SUMMARY.txt (articles, quads, problems) and "
            + "_SUCCESS. Load the shards with 'newsgraph load --store DIR OUTPUT'.",
        "INPUT: .jsonl files (one JSON article per line; .jsonl.gz too), .txt articles, folders "
            + "of them, or glob patterns, on any file system Spark reads (local, hdfs://, s3a://...). "
            + "A bad line or file is reported with its place (feed.jsonl:12: error: ...) and "
            + "skipped; the job goes on.",
        "Exit codes: 0 ok, 1 some input failed (the rest was mapped), 2 usage error."})
public final class SparkBuild implements Callable<Integer> {

  /** Where tasks write shards before renaming them. */
  static final String TEMPORARY = "_temporary";
  /** The run's summary, in the output folder. */
  static final String SUMMARY = "_SUMMARY.txt";
  /** Problems kept for the summary (all are counted). */
  static final int KEPT_PROBLEMS = 10_000;

  @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Input files, folders or globs.")
  List<String> inputs;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true,
      description = "Output folder of the shards (must not exist, unless --overwrite).")
  String output;

  @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
      description = "Partitions, hence tasks and shards (default 0: the input splits, at least "
          + "Spark's default parallelism).")
  int partitions;

  @Option(names = "--gzip", description = "Write part-NNNNN.nq.gz shards.")
  boolean gzip;

  @Option(names = "--overwrite", description = "Replace the output folder if it exists.")
  boolean overwrite;

  @Mixin
  MappingOptions mapping;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master when not run by spark-submit (default: spark-submit's, else local[*]).")
  String master;

  @Option(names = "--max-problems", paramLabel = "N", defaultValue = "100",
      description = "Problems printed (default: ${DEFAULT-VALUE}); _SUMMARY.txt keeps up to "
          + KEPT_PROBLEMS + ".")
  int maxProblems;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  private PrintWriter out;
  private PrintWriter err;

  /** Options of one run, for callers that bring their own Spark context. */
  public record Options(List<String> inputs, String output, int partitions, boolean gzip,
      boolean overwrite, String base, int maxBytes, Duration articleTimeout) {

    public Options {
      inputs = List.copyOf(inputs);
      if (partitions < 0 || maxBytes <= 0) {
        throw new IllegalArgumentException("partitions must be >= 0 and max bytes > 0: "
            + partitions + ", " + maxBytes);
      }
    }

    /** The defaults of the command line for these inputs and output. */
    public static Options of(List<String> inputs, String output) {
      return new Options(inputs, output, 0, false, false, NG.DEFAULT_BASE,
          ArticleReader.DEFAULT_MAX_BYTES, Duration.ofSeconds(10));
    }

    public Options withPartitions(int n) {
      return new Options(inputs, output, n, gzip, overwrite, base, maxBytes, articleTimeout);
    }

    public Options withGzip(boolean g) {
      return new Options(inputs, output, partitions, g, overwrite, base, maxBytes, articleTimeout);
    }
  }

  /** What a run did. */
  public record Summary(String output, int inputFiles, long articles, long quads,
      List<String> shards, long errors, long warnings, List<Diagnostic> problems,
      long duplicateIds, List<String> duplicateExamples, double seconds) {

    public boolean hasErrors() {
      return errors > 0;
    }

    double articlesPerSecond() {
      return articles / Math.max(seconds, 1e-9);
    }

    /** The summary as written to {@code _SUMMARY.txt}. */
    String text() {
      StringBuilder b = new StringBuilder();
      b.append("newsgraph-spark run\n");
      b.append("input files: ").append(inputFiles).append('\n');
      b.append("articles: ").append(articles).append('\n');
      b.append("quads: ").append(quads).append('\n');
      b.append("shards: ").append(shards.size()).append('\n');
      b.append("errors: ").append(errors).append('\n');
      b.append("warnings: ").append(warnings).append('\n');
      b.append("duplicate article ids: ").append(duplicateIds).append('\n');
      b.append(String.format(Locale.ROOT, "seconds: %.1f%n", seconds));
      b.append(String.format(Locale.ROOT, "articles per second: %.1f%n", articlesPerSecond()));
      if (!problems.isEmpty()) {
        b.append("\nproblems").append(problems.size() < errors + warnings
            ? " (the first " + problems.size() + " of " + (errors + warnings) + ")" : "").append(":\n");
        problems.forEach(d -> b.append(d).append('\n'));
      }
      if (!duplicateExamples.isEmpty()) {
        b.append("\narticle ids read more than once (their graphs are merged when loaded):\n");
        duplicateExamples.forEach(id -> b.append(id).append('\n'));
      }
      return b.toString();
    }
  }

  /** Thrown for a usage error found once Spark runs (exit code 2). */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cl = new CommandLine(new SparkBuild());
    cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    return cl.execute(args);
  }

  @Override
  public Integer call() throws Exception {
    out = spec.commandLine().getOut();
    err = spec.commandLine().getErr();
    Options o;
    try {
      o = new Options(inputs, output, partitions, gzip, overwrite, mapping.base, mapping.maxBytes,
          mapping.articleTimeLimit());
    } catch (IllegalArgumentException e) {
      err.println("newsgraph-spark: " + e.getMessage());
      return 2;
    }
    SparkConf conf = new SparkConf().setAppName("newsgraph-spark");
    if (master != null) {
      conf.setMaster(master);
    } else if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    Summary s;
    try (JavaSparkContext sc = new JavaSparkContext(conf)) {
      s = run(sc, o);
    } catch (UsageException e) {
      err.println("newsgraph-spark: " + e.getMessage());
      err.flush();
      return 2;
    }
    out.printf(Locale.ROOT, "Mapped %,d article(s) from %d file(s) into %d shard(s) in %s in %.1f s "
            + "(%,.0f articles/s): %,d quads written.%n", s.articles(), s.inputFiles(),
        s.shards().size(), s.output(), s.seconds(), s.articlesPerSecond(), s.quads());
    if (s.duplicateIds() > 0) {
      out.printf(Locale.ROOT, "%,d article id(s) were read more than once (such as '%s'): loading "
          + "merges their graphs, where build would keep the last one.%n", s.duplicateIds(),
          s.duplicateExamples().get(0));
    }
    out.printf("Load them with: newsgraph load --store DIR %s%n", s.output());
    out.flush();
    List<Diagnostic> shown = s.problems().subList(0, Math.min(Math.max(0, maxProblems), s.problems().size()));
    shown.forEach(d -> err.println(d));
    long all = s.errors() + s.warnings();
    if (all > shown.size()) {
      err.printf("newsgraph-spark: %,d more problem(s) not shown; see %s%n", all - shown.size(),
          new Path(s.output(), SUMMARY));
    }
    if (s.hasErrors()) {
      err.printf("newsgraph-spark: %,d input problem(s); the other articles were mapped.%n", s.errors());
    }
    err.flush();
    return s.hasErrors() ? 1 : 0;
  }

  /** Runs the job on a Spark context: reads, maps, writes the shards and the summary. */
  public static Summary run(JavaSparkContext sc, Options o) throws IOException {
    long t0 = System.nanoTime();
    Configuration hconf = sc.hadoopConfiguration();
    List<Diagnostic> driverProblems = new ArrayList<>();
    List<InputFiles.InputFile> files = InputFiles.list(o.inputs(), hconf, driverProblems);
    if (files.isEmpty()) {
      throw new UsageException("no input file found in " + o.inputs()
          + (driverProblems.isEmpty() ? "" : ": " + driverProblems.get(0)));
    }
    Path out = new Path(o.output());
    FileSystem fs = out.getFileSystem(hconf);
    if (fs.exists(out)) {
      FileStatus st = fs.getFileStatus(out);
      if (o.overwrite()) {
        fs.delete(out, true);
      } else if (!st.isDirectory() || fs.listStatus(out).length > 0) {
        throw new UsageException("the output " + o.output()
            + " exists: give another folder, or --overwrite to replace it");
      }
    }
    fs.mkdirs(out);
    String outQualified = fs.makeQualified(out).toString();

    JavaRDD<Item> items = items(sc, files, hconf);
    int n = o.partitions() > 0 ? o.partitions()
        : Math.max(items.getNumPartitions(), sc.defaultParallelism());
    if (n != items.getNumPartitions()) {
      items = items.repartition(n);
    }
    JavaRDD<Outcome> outcomes = items.mapPartitionsWithIndex(new ShardMapper(outQualified,
        o.base(), o.maxBytes(), o.articleTimeout().toMillis(), o.gzip(), new HadoopConf(hconf)),
        false).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Map<Outcome.Kind, Long> counts = outcomes.map(Outcome::kind).countByValue();
      List<Outcome> shards = outcomes.filter(x -> x.kind() == Outcome.Kind.SHARD).collect();
      List<Diagnostic> problems = new ArrayList<>(driverProblems);
      outcomes.filter(Outcome::isProblem).take(KEPT_PROBLEMS).forEach(x -> problems.add(x.diagnostic()));
      problems.sort(Comparator.comparing(Diagnostic::file).thenComparingLong(Diagnostic::line)
          .thenComparing(Diagnostic::message));
      JavaRDD<String> dupes = outcomes.filter(x -> x.kind() == Outcome.Kind.ARTICLE)
          .mapToPair(x -> new Tuple2<>(x.id(), 1L)).reduceByKey(Long::sum)
          .filter(t -> t._2() > 1).keys();
      long duplicateIds = dupes.count();
      List<String> dupeExamples = duplicateIds == 0 ? List.of()
          : dupes.takeOrdered(20).stream().toList();
      long driverErrors = driverProblems.stream()
          .filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
      Summary s = new Summary(o.output(), files.size(),
          counts.getOrDefault(Outcome.Kind.ARTICLE, 0L),
          shards.stream().mapToLong(Outcome::quads).sum(),
          shards.stream().map(Outcome::id).sorted().toList(),
          counts.getOrDefault(Outcome.Kind.ERROR, 0L) + driverErrors,
          counts.getOrDefault(Outcome.Kind.WARNING, 0L) + driverProblems.size() - driverErrors,
          List.copyOf(problems), duplicateIds, dupeExamples, (System.nanoTime() - t0) / 1e9);
      fs.delete(new Path(out, TEMPORARY), true);
      write(fs, new Path(out, SUMMARY), s.text());
      write(fs, new Path(out, "_SUCCESS"), "");
      return s;
    } finally {
      outcomes.unpersist(false);
    }
  }

  /**
   * The items of the input files: the numbered lines of each JSON Lines file (split on "\n" only,
   * as {@link ArticleReader} splits them, so line numbers agree), then the text files.
   */
  private static JavaRDD<Item> items(JavaSparkContext sc, List<InputFiles.InputFile> files,
      Configuration hconf) {
    Configuration lines = new Configuration(hconf);
    lines.set("textinputformat.record.delimiter", "\n");
    List<JavaRDD<Item>> parts = new ArrayList<>();
    List<Item> texts = new ArrayList<>();
    for (InputFiles.InputFile f : files) {
      if (!f.jsonLines()) {
        texts.add(Item.textFile(f.source(), f.path()));
        continue;
      }
      String source = f.source();
      JavaRDD<byte[]> raw = sc.newAPIHadoopFile(f.path(), TextInputFormat.class, LongWritable.class,
          Text.class, lines).values().map(SparkBuild::lineBytes);
      parts.add(raw.zipWithIndex().map(t -> Item.jsonLine(source, t._2() + 1, t._1())));
    }
    if (!texts.isEmpty()) {
      parts.add(sc.parallelize(texts, Math.max(1, Math.min(texts.size() / 64 + 1,
          sc.defaultParallelism()))));
    }
    return parts.size() == 1 ? parts.get(0) : union(sc, parts);
  }

  @SuppressWarnings("unchecked")
  private static JavaRDD<Item> union(JavaSparkContext sc, List<JavaRDD<Item>> parts) {
    JavaRDD<Item>[] array = parts.toArray(new JavaRDD[0]);
    return sc.union(array);
  }

  /** A line's bytes without the "\r" of a "\r\n" end (the reader's Text object is reused). */
  static byte[] lineBytes(Text t) {
    int n = t.getLength();
    byte[] b = t.getBytes();
    if (n > 0 && b[n - 1] == '\r') {
      n--;
    }
    return java.util.Arrays.copyOf(b, n);
  }

  private static void write(FileSystem fs, Path p, String text) throws IOException {
    try (OutputStream o = fs.create(p, true)) {
      o.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
