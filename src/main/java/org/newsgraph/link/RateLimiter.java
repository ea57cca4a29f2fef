package org.newsgraph.link;

/** Spaces calls out so that no more than {@code perSecond} start in any second. */
public final class RateLimiter {

  private final long intervalNanos;
  private long next = Long.MIN_VALUE;

  public RateLimiter(double perSecond) {
    if (!(perSecond > 0)) {
      throw new IllegalArgumentException("rate must be > 0 per second: " + perSecond);
    }
    this.intervalNanos = (long) (1e9 / perSecond);
  }

  /** Waits until the next call may start. */
  public synchronized void acquire() {
    long now = System.nanoTime();
    if (next != Long.MIN_VALUE && now < next) {
      long wait = next - now;
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      now = System.nanoTime();
    }
    next = Math.max(now, next == Long.MIN_VALUE ? now : next) + intervalNanos;
  }
}
