package org.newsgraph.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.Pipeline;
import org.newsgraph.article.Article;
import org.newsgraph.article.ArticleReader;
import org.newsgraph.article.Diagnostic;
import org.newsgraph.extract.Entity;
import org.newsgraph.extract.Event;
import org.newsgraph.extract.Extraction;

/**
 * Reads articles, maps them and writes them into the store in batches: each article's named graph
 * is replaced, a batch is one transaction, and an article that fails is reported and left out
 * without touching the others.
 */
public final class ArticleLoader {

  /** A diplomatic interaction found, for the summary. */
  public record Call(String date, String type, List<String> participants, String initiator,
      String status, String article) {}

  /** What a build did. */
  public static final class Report {
    public int articles;
    public long quads;
    public final List<Diagnostic> problems = new ArrayList<>();
    public final Map<String, Integer> eventsByType = new TreeMap<>();
    public final Map<String, Integer> entitiesByType = new TreeMap<>();
    public final List<Call> calls = new ArrayList<>();
    private final Set<String> entityKeys = new HashSet<>();

    public boolean hasErrors() {
      return problems.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }
  }

  private final Pipeline pipeline;
  private final GraphStore store;
  private final int batchSize;
  private final Consumer<String> progress;
  private java.time.Duration articleTimeLimit = org.newsgraph.GuardedExtractor.DEFAULT_LIMIT;

  public ArticleLoader(Pipeline pipeline, GraphStore store, int batchSize, Consumer<String> progress) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.store = Objects.requireNonNull(store, "store");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1: " + batchSize);
    }
    this.batchSize = batchSize;
    this.progress = progress;
  }

  /**
   * The time limit for extracting one article (default 10 s; zero for none): an article that takes
   * longer is stopped and reported as that article's error, the others are built.
   */
  public ArticleLoader articleTimeLimit(java.time.Duration limit) {
    this.articleTimeLimit = Objects.requireNonNull(limit, "limit");
    return this;
  }

  /** Builds the articles of these paths into the store. */
  public Report load(List<Path> paths, int maxBytes) {
    try (org.newsgraph.GuardedExtractor guard = new org.newsgraph.GuardedExtractor(pipeline, articleTimeLimit)) {
      return load(paths, maxBytes, guard);
    }
  }

  private Report load(List<Path> paths, int maxBytes, org.newsgraph.GuardedExtractor guard) {
    Report report = new Report();
    Map<Node, List<Quad>> batch = new LinkedHashMap<>();
    long started = System.nanoTime();
    long[] lastReport = {started};
    new ArticleReader(maxBytes).read(paths, new ArticleReader.Listener() {
      @Override
      public void article(Article a) {
        Extraction x;
        List<Quad> quads;
        try {
          org.newsgraph.GuardedExtractor.Result r = guard.extract(a);
          x = r.extraction();
          quads = r.quads();
        } catch (org.newsgraph.GuardedExtractor.ArticleFailure e) {
          report.problems.add(Diagnostic.error(a.source(), 0, e.getMessage()));
          return;
        }
        Node g = NodeFactory.createURI(pipeline.iris().articleGraph(a.id()));
        if (batch.containsKey(g)) {
          report.problems.add(Diagnostic.warning(a.source(), 0,
              "article id '" + a.id() + "' read twice in this run: the later one replaces the earlier"));
        } else {
          report.articles++;
        }
        batch.put(g, quads);
        summarise(x, report);
        if (batch.size() >= batchSize) {
          flush(batch, report);
        }
        long now = System.nanoTime();
        if (progress != null && now - lastReport[0] > 2_000_000_000L) {
          lastReport[0] = now;
          double secs = (now - started) / 1e9;
          progress.accept(String.format("%,d articles, %,d quads, %.0f articles/s", report.articles,
              report.quads + batch.values().stream().mapToLong(List::size).sum(), report.articles / secs));
        }
      }

      @Override
      public void problem(Diagnostic d) {
        report.problems.add(d);
      }
    });
    flush(batch, report);
    return report;
  }

  /**
   * Writes a batch in one transaction: each article's own graph is replaced; the quads of other
   * graphs (the reference graph of gazetteer facts, which articles share) are added.
   */
  private void flush(Map<Node, List<Quad>> batch, Report report) {
    if (batch.isEmpty()) {
      return;
    }
    store.writeArticles(batch);
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
        r.calls.add(new Call(e.date() == null ? "?" : e.date().toString(), e.type().localName(),
            e.participants().stream().map(Entity::nameFr).toList(),
            e.initiator() == null ? null : e.initiator().nameFr(), e.status().localName(),
            x.article().id()));
      }
    }
  }
}
