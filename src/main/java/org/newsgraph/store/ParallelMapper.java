package org.newsgraph.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.GuardedExtractor;
import org.newsgraph.Pipeline;
import org.newsgraph.article.Article;
import org.newsgraph.article.ArticleReader;
import org.newsgraph.article.Diagnostic;
import org.newsgraph.extract.Extraction;

/**
 * Maps articles on several threads and hands the results to one consumer in input order, with
 * bounded memory: a reader thread reads articles, {@code threads} workers extract and map them,
 * and the calling thread receives each result in the order the articles were read. At most
 * {@code inFlight} articles are read but not yet consumed.
 *
 * <pre>{@code
 * new ParallelMapper(pipeline, 2, 512).run(paths, maxBytes, mapped -> ..., problem -> ...);
 * }</pre>
 */
public final class ParallelMapper {

  /** One article mapped: its extraction and quads, or the failure that stopped it. */
  public record Mapped(Article article, Extraction extraction, List<Quad> quads,
      RuntimeException failure) {}

  private final Pipeline pipeline;
  private final int threads;
  private final int inFlight;
  private java.time.Duration timeLimit = java.time.Duration.ZERO;
  /** One guard per worker thread; with no time limit it extracts in the worker itself. */
  private final ThreadLocal<GuardedExtractor> guard = new ThreadLocal<>();
  private final List<GuardedExtractor> guards = new ArrayList<>();
  private final java.util.concurrent.atomic.AtomicLong bytesRead = new java.util.concurrent.atomic.AtomicLong();

  public ParallelMapper(Pipeline pipeline, int threads, int inFlight) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    if (threads < 1 || inFlight < 1) {
      throw new IllegalArgumentException("threads and inFlight must be >= 1: " + threads + ", "
          + inFlight);
    }
    this.threads = threads;
    this.inFlight = inFlight;
  }

  /**
   * A time limit for extracting one article (zero: none): each worker extracts through its own
   * {@link GuardedExtractor}, and an article over the limit comes out as a failure.
   */
  public ParallelMapper timeLimit(java.time.Duration limit) {
    this.timeLimit = Objects.requireNonNull(limit, "limit");
    return this;
  }

  /** Bytes of input read so far (the reader runs ahead of the consumer by at most inFlight). */
  public long bytesRead() {
    return bytesRead.get();
  }

  /**
   * Reads, maps and hands over every article of the paths. Problems met while reading go to
   * {@code problems} (in the calling thread, in order with the articles). A failure of
   * {@code mapped} stops the run and is rethrown.
   */
  public void run(List<Path> paths, int maxBytes, Consumer<Mapped> mapped,
      Consumer<Diagnostic> problems) {
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "newsgraph-map-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    BlockingQueue<Object> queue = new ArrayBlockingQueue<>(inFlight);
    Object end = new Object();
    List<Throwable> readFailure = new ArrayList<>(1);
    Thread reader = new Thread(() -> {
      try {
        ArticleReader articles = new ArticleReader(maxBytes).countingBytes(bytesRead);
        articles.read(paths, ArticleReader.Listener.of(
            a -> put(queue, CompletableFuture.supplyAsync(() -> map(a), pool)),
            d -> put(queue, d)));
      } catch (RuntimeException | Error e) {
        synchronized (readFailure) {
          readFailure.add(e);
        }
      } finally {
        try {
          queue.put(end);
        } catch (InterruptedException e) {
          // stopped by the consumer: nobody waits for the end any more
        }
      }
    }, "newsgraph-read");
    reader.setDaemon(true);
    reader.start();
    try {
      while (true) {
        Object o = queue.take();
        if (o == end) {
          break;
        }
        if (o instanceof Diagnostic d) {
          problems.accept(d);
        } else {
          mapped.accept(((CompletableFuture<?>) o).thenApply(Mapped.class::cast).get());
        }
      }
      reader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while mapping", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("mapping failed: " + e.getCause(), e.getCause());
    } finally {
      reader.interrupt();
      pool.shutdownNow();
      synchronized (guards) {
        guards.forEach(GuardedExtractor::close);
        guards.clear();
      }
      try {
        pool.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (readFailure) {
      if (!readFailure.isEmpty()) {
        Throwable t = readFailure.get(0);
        throw t instanceof RuntimeException r ? r : new IllegalStateException(t);
      }
    }
  }

  /** Maps one article through this worker's guard (which runs it in place when there is no limit). */
  private Mapped map(Article a) {
    GuardedExtractor g = guard.get();
    if (g == null) {
      g = new GuardedExtractor(pipeline, timeLimit);
      guard.set(g);
      synchronized (guards) {
        guards.add(g);
      }
    }
    try {
      GuardedExtractor.Result r = g.extract(a);
      return new Mapped(a, r.extraction(), r.quads(), null);
    } catch (RuntimeException e) {
      return new Mapped(a, null, List.of(), e);
    }
  }

  private static void put(BlockingQueue<Object> q, Object o) {
    try {
      q.put(o);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading", e);
    }
  }
}
