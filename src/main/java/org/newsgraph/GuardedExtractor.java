package org.newsgraph;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.article.Article;
import org.newsgraph.extract.Extraction;

/**
 * Extracts and maps one article at a time under a time limit: the work runs on a single worker
 * thread and is stopped when it takes longer than the limit. The extractor checks for
 * interruption between sentences, so a stopped article stops using the CPU; a worker that does
 * not stop within a grace period is abandoned (it is a daemon thread) and a fresh one takes the
 * next article. An error of one article (an exception, a stack overflow, the time limit) is
 * thrown as {@link ArticleFailure} and leaves the guard usable for the next article.
 *
 * <pre>{@code
 * try (GuardedExtractor g = new GuardedExtractor(pipeline, Duration.ofSeconds(10))) {
 *   GuardedExtractor.Result r = g.extract(article);
 * }
 * }</pre>
 */
public final class GuardedExtractor implements AutoCloseable {

  /** The default time limit per article. */
  public static final Duration DEFAULT_LIMIT = Duration.ofSeconds(10);

  /** What one article gave. */
  public record Result(Extraction extraction, List<Quad> quads) {}

  /** One article could not be extracted; the message says why (time limit or error). */
  public static final class ArticleFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean timedOut;

    ArticleFailure(String message, boolean timedOut) {
      super(message);
      this.timedOut = timedOut;
    }

    /** True when the article was stopped by the time limit. */
    public boolean timedOut() {
      return timedOut;
    }
  }

  private static final long GRACE_MILLIS = 2000;

  private final Pipeline pipeline;
  private final long limitNanos;
  private ExecutorService worker;
  private int abandoned;

  /** A guard with this limit; zero or negative means no limit (extraction in the caller's thread). */
  public GuardedExtractor(Pipeline pipeline, Duration limit) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.limitNanos = limit == null || limit.isNegative() || limit.isZero() ? 0 : limit.toNanos();
  }

  /** Extracts and maps an article, or throws {@link ArticleFailure}. */
  public Result extract(Article a) {
    if (limitNanos == 0) {
      return run(a);
    }
    if (worker == null) {
      worker = newWorker();
    }
    Future<Result> f = worker.submit(() -> run(a));
    try {
      return f.get(limitNanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      stopWorker();
      throw new ArticleFailure(String.format(java.util.Locale.ROOT,
          "extraction stopped after %.1f s (the time limit per article)", limitNanos / 1e9), true);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof ArticleFailure af) {
        throw af;
      }
      throw new ArticleFailure("extraction failed: " + describe(c), false);
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new ArticleFailure("extraction interrupted", false);
    }
  }

  private Result run(Article a) {
    try {
      Extraction x = pipeline.extract(a);
      return new Result(x, pipeline.quads(x));
    } catch (StackOverflowError e) {
      throw new ArticleFailure("extraction failed: the text is too deeply structured (stack overflow)", false);
    } catch (RuntimeException e) {
      throw new ArticleFailure("extraction failed: " + describe(e), false);
    }
  }

  private static String describe(Throwable t) {
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }

  /** How many workers did not stop in time and were left to end by themselves. */
  public int abandonedWorkers() {
    return abandoned;
  }

  private void stopWorker() {
    ExecutorService w = worker;
    worker = null;
    w.shutdownNow();
    try {
      if (!w.awaitTermination(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
        abandoned++;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(r -> {
      // A deep stack: recursion in the regular expressions on odd text should not overflow.
      Thread t = new Thread(null, r, "newsgraph-extract", 64L << 20);
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public void close() {
    if (worker != null) {
      worker.shutdownNow();
      worker = null;
    }
  }
}
