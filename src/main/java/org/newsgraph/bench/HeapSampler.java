package org.newsgraph.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Polls the heap in use every few milliseconds and keeps the peak since the last reset. */
final class HeapSampler implements AutoCloseable {

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final Thread thread;
  private volatile long peak;
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
  }

  /** Collects garbage, then starts a new peak from the heap in use now. */
  void reset() {
    System.gc();
    peak = memory.getHeapMemoryUsage().getUsed();
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
