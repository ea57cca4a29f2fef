package org.newsgraph.query;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Makes a query's time limit hold. ARQ stops a query past its limit by cancelling the iterators
 * that exist at that moment; iterators built afterwards, such as those of a sub-select that a
 * grouping or a hash join opens while it reads its input, do not see it, and a query of that shape
 * can run on long past its limit (over 40 s under a limit of 1 s, until stopped by hand). The watchdog cancels the query again every
 * {@link #REPEAT_MILLIS} ms from its limit on, until it is closed, so that the iterators built in
 * between are cancelled too.
 */
public final class QueryWatchdog implements AutoCloseable {

  /** How often a query past its limit is cancelled again. */
  static final long REPEAT_MILLIS = 200;

  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(
      r -> {
        Thread t = new Thread(r, "newsgraph-query-watchdog");
        t.setDaemon(true);
        return t;
      });

  /** The repeated cancelling, once scheduled (null when nothing is watched). */
  private volatile ScheduledFuture<?> task;

  private QueryWatchdog() {}

  /**
   * Watches a query: from {@code limitMillis} after now on, calls {@code abort} again and again
   * until {@code closed} says the query is closed or the watchdog is closed. A limit of 0 or less
   * watches nothing.
   */
  public static QueryWatchdog watch(long limitMillis, Runnable abort, BooleanSupplier closed) {
    QueryWatchdog w = new QueryWatchdog();
    if (limitMillis > 0) {
      w.task = TIMER.scheduleWithFixedDelay(() -> w.tick(abort, closed), limitMillis,
          REPEAT_MILLIS, TimeUnit.MILLISECONDS);
    }
    return w;
  }

  private void tick(Runnable abort, BooleanSupplier closed) {
    if (closed.getAsBoolean()) {
      close();
      return;
    }
    try {
      abort.run();
    } catch (RuntimeException e) {
      // a query closing at that very moment: nothing left to stop
    }
  }

  /**
   * Whether a query started at {@code startedNanos} ({@link System#nanoTime}) is past a limit of
   * {@code limitMillis} (0 or less: no limit). A query that fails past its limit has been stopped
   * by it, whatever the failure: ARQ can end a query cancelled inside a hash join with a
   * NullPointerException of its own.
   */
  public static boolean pastLimit(long startedNanos, long limitMillis) {
    return limitMillis > 0 && System.nanoTime() - startedNanos >= limitMillis * 1_000_000L;
  }

  /** Stops watching (the query has ended). */
  @Override
  public void close() {
    ScheduledFuture<?> t = task;
    if (t != null) {
      t.cancel(false);
    }
  }
}
