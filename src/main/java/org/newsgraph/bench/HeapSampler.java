package org.newsgraph.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Polls the heap in use every few milliseconds and keeps the peak since the last reset. */
final class HeapSampler implements AutoCloseable {

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final Thread thread;
  private volatile long peak;
  private volatile long peakLive;
  private volatile boolean running = true;

  HeapSampler(long periodMillis) {
    thread = new Thread(() -> {
      while (running) {
        sample();
        try {
          Thread.sleep(periodMillis);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "newsgraph-heap-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private void sample() {
    long used = memory.getHeapMemoryUsage().getUsed();
    if (used > peak) {
      peak = used;
    }
    long live = liveAfterGc();
    if (live > peakLive) {
      peakLive = live;
    }
  }

  /** The heap in use just after the last collection of each pool: what the program holds. */
  private static long liveAfterGc() {
    long live = 0;
    for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      java.lang.management.MemoryUsage u = pool.getCollectionUsage();
      if (pool.getType() == java.lang.management.MemoryType.HEAP && u != null) {
        live += u.getUsed();
      }
    }
    return live;
  }

  /** Collects garbage, then starts a new peak from the heap in use now. */
  void reset() {
    System.gc();
    peak = memory.getHeapMemoryUsage().getUsed();
    peakLive = liveAfterGc();
  }

  /**
   * The largest heap left in use after a collection since the last reset, in bytes: unlike
   * {@link #peak}, which also counts garbage not yet collected and so grows with -Xmx, this
   * follows what the program keeps, and stays flat when it streams.
   */
  long peakLive() {
    sample();
    return peakLive;
  }

  /** The peak heap in use since the last reset, in bytes. */
  long peak() {
    sample();
    return peak;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
