package org.newsgraph.store;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.Pipeline;
import org.newsgraph.article.Diagnostic;
import org.newsgraph.extract.Entity;
import org.newsgraph.extract.Event;
import org.newsgraph.extract.Extraction;

/**
 * {@link ArticleLoader} with a parallel mapping stage: articles are mapped on {@code threads}
 * threads ({@link ParallelMapper}, bounded queues) while one writer, the calling thread, replaces
 * their graphs in batches of {@code batchSize} articles per transaction, in input order. The store
 * ends up the same as with {@link ArticleLoader}, and so does the report.
 */
public final class ParallelArticleLoader {

  private final Pipeline pipeline;
  private final GraphStore store;
  private final int batchSize;
  private final int threads;
  private final Consumer<String> progress;

  public ParallelArticleLoader(Pipeline pipeline, GraphStore store, int batchSize, int threads,
      Consumer<String> progress) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.store = Objects.requireNonNull(store, "store");
    if (batchSize < 1 || threads < 1) {
      throw new IllegalArgumentException("batch size and threads must be >= 1: " + batchSize
          + ", " + threads);
    }
    this.batchSize = batchSize;
    this.threads = threads;
    this.progress = progress;
  }

  /** Builds the articles of these paths into the store. */
  public ArticleLoader.Report load(List<Path> paths, int maxBytes) {
    ArticleLoader.Report report = new ArticleLoader.Report();
    Set<String> entityKeys = new HashSet<>();
    Map<Node, List<Quad>> batch = new LinkedHashMap<>();
    long started = System.nanoTime();
    long[] last = {started};
    int inFlight = Math.max(256, Math.min(batchSize, 4096));
    new ParallelMapper(pipeline, threads, inFlight).run(paths, maxBytes, m -> {
      if (m.failure() != null) {
        report.problems.add(Diagnostic.error(m.article().source(), 0, "extraction failed: "
            + m.failure().getClass().getSimpleName() + ": " + m.failure().getMessage()));
        return;
      }
      Node g = NodeFactory.createURI(pipeline.iris().articleGraph(m.article().id()));
      if (batch.containsKey(g)) {
        report.problems.add(Diagnostic.warning(m.article().source(), 0, "article id '"
            + m.article().id() + "' read twice in this run: the later one replaces the earlier"));
      } else {
        report.articles++;
      }
      batch.put(g, m.quads());
      summarise(m.extraction(), report, entityKeys);
      if (batch.size() >= batchSize) {
        flush(batch, report);
      }
      long now = System.nanoTime();
      if (progress != null && now - last[0] > 2_000_000_000L) {
        last[0] = now;
        progress.accept(String.format("%,d articles, %,d quads, %.0f articles/s", report.articles,
            report.quads, report.articles / ((now - started) / 1e9)));
      }
    }, report.problems::add);
    flush(batch, report);
    return report;
  }

  private void flush(Map<Node, List<Quad>> batch, ArticleLoader.Report report) {
    if (batch.isEmpty()) {
      return;
    }
    store.writeArticles(batch);
    report.quads += batch.values().stream().mapToLong(List::size).sum();
    batch.clear();
  }

  private static void summarise(Extraction x, ArticleLoader.Report r, Set<String> entityKeys) {
    for (Entity e : x.entities()) {
      if (entityKeys.add(e.key())) {
        r.entitiesByType.merge(e.type().className(), 1, Integer::sum);
      }
    }
    for (Event e : x.events()) {
      r.eventsByType.merge(e.type().localName(), 1, Integer::sum);
      if (e.type().isInteraction()) {
        r.calls.add(new ArticleLoader.Call(e.date() == null ? "?" : e.date().toString(),
            e.type().localName(), e.participants().stream().map(Entity::nameFr).toList(),
            e.initiator() == null ? null : e.initiator().nameFr(), e.status().localName(),
            x.article().id()));
      }
    }
  }
}
