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
 * can run on for minutes past its limit. The watchdog cancels the query again every
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

  private final ScheduledFuture<?> task;

  private QueryWatchdog(ScheduledFuture<?> task) {
    this.task = task;
  }

  /**
   * Watches a query: from {@code limitMillis} after now on, calls {@code abort} again and again
   * until {@code closed} says the query is closed or the watchdog is closed. A limit of 0 or less
   * watches nothing.
   */
  public static QueryWatchdog watch(long limitMillis, Runnable abort, BooleanSupplier closed) {
    if (limitMillis <= 0) {
      return new QueryWatchdog(null);
    }
    ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
    Runnable tick = () -> {
      if (closed.getAsBoolean()) {
        self[0].cancel(false);
        return;
      }
      try {
        abort.run();
      } catch (RuntimeException e) {
        // a query closing at that very moment: nothing left to stop
      }
    };
    synchronized (self) {
      self[0] = TIMER.scheduleWithFixedDelay(() -> {
        synchronized (self) {
          tick.run();
        }
      }, limitMillis, REPEAT_MILLIS, TimeUnit.MILLISECONDS);
    }
    return new QueryWatchdog(self[0]);
  }

  /** Stops watching (the query has ended). */
  @Override
  public void close() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
