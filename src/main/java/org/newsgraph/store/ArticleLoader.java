package org.newsgraph.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.GuardedExtractor;
import org.newsgraph.Pipeline;
import org.newsgraph.article.ArticleReader;
import org.newsgraph.article.Diagnostic;
import org.newsgraph.extract.Entity;
import org.newsgraph.extract.Event;
import org.newsgraph.extract.Extraction;

/**
 * Reads articles, maps them on {@code threads} threads and writes them into the store in batches:
 * each article's named graph is replaced, a batch is one transaction, and an article that fails
 * (an error, or over the time limit) is reported and left out without touching the others.
 *
 * <p>Memory stays flat whatever the corpus size: the reader runs at most a bounded number of
 * articles ahead of the writer ({@link ParallelMapper}), one batch is held at a time, and the
 * report keeps counts and a bounded sample of the interactions found. The writer, the calling
 * thread, writes in input order, so the store is the same for any number of threads.
 *
 * <pre>{@code
 * ArticleLoader.Report r = new ArticleLoader(pipeline, store, 1000, status -> { })
 *     .threads(2).load(List.of(Path.of("corpus.jsonl")), ArticleReader.DEFAULT_MAX_BYTES);
 * }</pre>
 */
public final class ArticleLoader {

  /** A diplomatic interaction found, for the summary. */
  public record Call(String date, String type, List<String> participants, String initiator,
      String status, String article) {}

  /** Where a load stands, for progress reports. */
  public record Status(long articles, long quads, long bytesRead, long bytesTotal, double seconds,
      boolean done) {

    /** Articles per second so far. */
    public double rate() {
      return seconds <= 0 ? 0 : articles / seconds;
    }

    /** Share of the input read, 0 to 1, or -1 when the input size is unknown. */
    public double fraction() {
      return bytesTotal <= 0 ? -1 : Math.min(1.0, (double) bytesRead / bytesTotal);
    }

    /** Seconds left at the rate so far, or -1 when it cannot be told yet. */
    public double etaSeconds() {
      double f = fraction();
      if (f <= 0 || seconds < 1) {
        return -1;
      }
      return seconds * (1 - f) / f;
    }
  }

  /** Receives the status of a load about four times a second, and once at the end. */
  @FunctionalInterface
  public interface Progress {
    void update(Status status);

    /** A step without a rate, such as the index phase of a bulk load once all is read. */
    default void step(String message) {
    }
  }

  /**
   * Mapping threads a build uses by default: one fewer than the cores, at least one, since the
   * thread writing to the store keeps a core busy too. On 2 cores a bulk build of 20,000
   * generated articles took 54 s with one mapping thread and 60 s with two, which only fought the
   * writer for the processors.
   */
  public static int defaultThreads() {
    return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
  }

  /** How many interactions a report keeps for its summary (the first ones read). */
  public static final int CALLS_KEPT = 200;

  /** What a build did. */
  public static final class Report {
    public int articles;
    public long quads;
    public final List<Diagnostic> problems = new ArrayList<>();
    public final Map<String, Integer> eventsByType = new TreeMap<>();
    public final Map<String, Integer> entitiesByType = new TreeMap<>();
    /** The first {@link #CALLS_KEPT} interactions read; {@link #callCount} counts them all. */
    public final List<Call> calls = new ArrayList<>();
    public long callCount;
    private final Set<String> entityKeys = new HashSet<>();

    public boolean hasErrors() {
      return problems.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }
  }

  /** Shared quads (the reference graph) remembered as written, at most this many. */
  private static final int SHARED_MEMORY = 500_000;

  private final Pipeline pipeline;
  private final GraphStore store;
  private final int batchSize;
  private final Progress progress;
  private int threads = 1;
  private Duration articleTimeLimit = GuardedExtractor.DEFAULT_LIMIT;
  private boolean bulk;

  /**
   * A loader writing {@code batchSize} articles per transaction; {@code progress} (may be null)
   * hears how it goes.
   */
  public ArticleLoader(Pipeline pipeline, GraphStore store, int batchSize, Progress progress) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.store = Objects.requireNonNull(store, "store");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1: " + batchSize);
    }
    this.batchSize = batchSize;
    this.progress = progress;
  }

  /** Mapping threads (default 1); the writer is the calling thread in every case. */
  public ArticleLoader threads(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("threads must be >= 1: " + n);
    }
    this.threads = n;
    return this;
  }

  /**
   * The time limit for extracting one article (default 10 s; zero for none): an article that takes
   * longer is stopped and reported as that article's error, the others are built.
   */
  public ArticleLoader articleTimeLimit(Duration limit) {
    this.articleTimeLimit = Objects.requireNonNull(limit, "limit");
    return this;
  }

  /**
   * Writes through TDB2's bulk loader instead of transactions (default: off): for a store that
   * holds no articles yet and that nobody else uses, several times faster. Nothing is in the store
   * before the load ends, and a load that fails or is killed part way can leave the store
   * unusable: {@code build} uses it on a new store in a staging folder only. An article id read
   * twice still ends with the later article, written after the bulk load.
   */
  public ArticleLoader bulk(boolean on) {
    this.bulk = on;
    return this;
  }

  /** Builds the articles of these paths into the store. */
  public Report load(List<Path> paths, int maxBytes) {
    if (!bulk) {
      return load(paths, maxBytes, null);
    }
    GraphStore.BulkWriter writer = store.bulkWriter(msg -> { });
    try {
      Report r = load(paths, maxBytes, writer);
      long t0 = System.nanoTime();
      if (progress != null) {
        progress.step("all read; building the store's indexes (the bulk loader's index phase, "
            + "20 to 30 s per million quads on 2 cores; no progress is shown until it ends)...");
      }
      writer.finish();
      if (progress != null) {
        progress.step(String.format(java.util.Locale.ROOT, "indexes built in %.0f s",
            (System.nanoTime() - t0) / 1e9));
      }
      if (!again.isEmpty()) {
        store.writeArticles(again);
        again.clear();
      }
      return r;
    } catch (RuntimeException | Error e) {
      writer.abort(e);
      throw e;
    }
  }

  /** Articles whose id came again during a bulk load: written, replacing, after it. */
  private final Map<Node, List<Quad>> again = new LinkedHashMap<>();

  private Report load(List<Path> paths, int maxBytes, GraphStore.BulkWriter writer) {
    Report report = new Report();
    Map<Node, List<Quad>> batch = new LinkedHashMap<>();
    Set<Quad> sharedWritten = new HashSet<>();
    Set<Long> seen = new HashSet<>();
    long total = progress == null ? 0 : ArticleReader.totalBytes(paths);
    long started = System.nanoTime();
    long[] last = {started};
    int inFlight = Math.max(256, Math.min(batchSize, 4096));
    ParallelMapper mapper = new ParallelMapper(pipeline, threads, inFlight)
        .timeLimit(articleTimeLimit);
    mapper.run(paths, maxBytes, m -> {
      if (m.failure() != null) {
        // the guard's message says why: "extraction failed: ..." or the time limit
        report.problems.add(Diagnostic.error(m.article().source(), 0, m.failure().getMessage()));
        return;
      }
      Node g = NodeFactory.createURI(pipeline.iris().articleGraph(m.article().id()));
      if (writer != null && !seen.add(idHash(g.getURI()))) {
        report.problems.add(Diagnostic.warning(m.article().source(), 0, "article id '"
            + m.article().id() + "' read twice in this run: the later one replaces the earlier"));
        again.put(g, m.quads());
        return;
      }
      if (batch.containsKey(g)) {
        report.problems.add(Diagnostic.warning(m.article().source(), 0, "article id '"
            + m.article().id() + "' read twice in this run: the later one replaces the earlier"));
      } else {
        report.articles++;
      }
      batch.put(g, withoutWrittenShared(g, m.quads(), sharedWritten));
      summarise(m.extraction(), report);
      if (batch.size() >= batchSize) {
        flush(batch, report, writer);
      }
      long now = System.nanoTime();
      if (progress != null && now - last[0] > 250_000_000L) {
        last[0] = now;
        progress.update(new Status(report.articles, report.quads, mapper.bytesRead(), total,
            (now - started) / 1e9, false));
      }
    }, report.problems::add);
    flush(batch, report, writer);
    if (progress != null) {
      progress.update(new Status(report.articles, report.quads, mapper.bytesRead(), total,
          (System.nanoTime() - started) / 1e9, true));
    }
    return report;
  }

  /** A 64-bit hash of an article graph IRI, to tell ids read twice with little memory. */
  private static long idHash(String iri) {
    long h = 1125899906842597L;
    for (int i = 0; i < iri.length(); i++) {
      h = 31 * h + iri.charAt(i);
    }
    return h ^ ((long) iri.hashCode() << 32);
  }

  /**
   * The quads of an article without the shared ones (other graphs than its own: the reference
   * graph) already written in this run; the memory of written quads is bounded.
   */
  private static List<Quad> withoutWrittenShared(Node own, List<Quad> quads, Set<Quad> written) {
    List<Quad> out = new ArrayList<>(quads.size());
    for (Quad q : quads) {
      if (q.getGraph().equals(own)) {
        out.add(q);
      } else if (!written.contains(q)) {
        if (written.size() >= SHARED_MEMORY) {
          written.clear();
        }
        written.add(q);
        out.add(q);
      }
    }
    return out;
  }

  /**
   * Writes a batch in one transaction: each article's own graph is replaced; the quads of other
   * graphs (the reference graph of gazetteer facts, which articles share) are added.
   */
  private void flush(Map<Node, List<Quad>> batch, Report report, GraphStore.BulkWriter writer) {
    if (batch.isEmpty()) {
      return;
    }
    if (writer == null) {
      store.writeArticles(batch);
    } else {
      batch.values().forEach(quads -> quads.forEach(writer::add));
    }
    report.quads += batch.values().stream().mapToLong(List::size).sum();
    batch.clear();
  }

  private static void summarise(Extraction x, Report r) {
    for (Entity e : x.entities()) {
      if (r.entityKeys.add(e.key())) {
        r.entitiesByType.merge(e.type().className(), 1, Integer::sum);
      }
    }
    for (Event e : x.events()) {
      r.eventsByType.merge(e.type().localName(), 1, Integer::sum);
      if (e.type().isInteraction()) {
        r.callCount++;
        if (r.calls.size() < CALLS_KEPT) {
          r.calls.add(new Call(e.date() == null ? "?" : e.date().toString(), e.type().localName(),
              e.participants().stream().map(Entity::nameFr).toList(),
              e.initiator() == null ? null : e.initiator().nameFr(), e.status().localName(),
              x.article().id()));
        }
      }
    }
  }
}
