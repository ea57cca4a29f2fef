package org.newsgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The watchdog cancels a query again and again past its limit, and stops once it is closed. */
class QueryWatchdogTest {

  @Test
  void cancelsAgainAndAgainPastTheLimitUntilTheQueryIsClosed() throws Exception {
    AtomicInteger aborts = new AtomicInteger();
    AtomicBoolean closed = new AtomicBoolean();
    try (QueryWatchdog w = QueryWatchdog.watch(50, aborts::incrementAndGet, closed::get)) {
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (aborts.get() < 3 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(aborts.get() >= 3, "cancelled " + aborts.get() + " times");
      closed.set(true);
      Thread.sleep(3 * QueryWatchdog.REPEAT_MILLIS);
      int after = aborts.get();
      Thread.sleep(3 * QueryWatchdog.REPEAT_MILLIS);
      assertEquals(after, aborts.get(), "still cancelling a closed query");
    }
  }

  @Test
  void aQueryEndedBeforeItsLimitIsNeverCancelled() throws Exception {
    AtomicInteger aborts = new AtomicInteger();
    QueryWatchdog w = QueryWatchdog.watch(100, aborts::incrementAndGet, () -> false);
    w.close();
    Thread.sleep(400);
    assertEquals(0, aborts.get());
    try (QueryWatchdog none = QueryWatchdog.watch(0, aborts::incrementAndGet, () -> false)) {
      Thread.sleep(300);
    }
    assertEquals(0, aborts.get(), "no limit, nothing to cancel");
  }
}
