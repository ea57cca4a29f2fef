package org.newsgraph.kb;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Loads the bundled gazetteer once and prints how long it took, the heap it holds and its
 * coverage (entities by type, share with a Wikidata QID and a GeoNames id, offices). Measure with
 * a small heap, from a fresh JVM:
 *
 * <pre>
 * java -Xmx300m -cp target/classes org.newsgraph.kb.GazetteerStats
 * </pre>
 */
public final class GazetteerStats {

  private GazetteerStats() {}

  public static void main(String[] args) {
    Runtime rt = Runtime.getRuntime();
    gc();
    long before = rt.totalMemory() - rt.freeMemory();
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long c0 = threads.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    Gazetteer kb = Gazetteer.bundled();
    long t1 = System.nanoTime();
    long c1 = threads.getCurrentThreadCpuTime();
    gc();
    long after = rt.totalMemory() - rt.freeMemory();
    System.out.printf("load: %.0f ms wall, %.0f ms CPU of the loading thread; heap held by the"
        + " gazetteer after GC: %.0f MB (max heap %.0f MB); %d processors, load average %.1f%n",
        (t1 - t0) / 1e6, (c1 - c0) / 1e6, (after - before) / 1048576.0, rt.maxMemory() / 1048576.0,
        rt.availableProcessors(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    Map<EntityType, int[]> counts = new EnumMap<>(EntityType.class);
    for (KbEntity e : kb.all()) {
      int[] c = counts.computeIfAbsent(e.type(), k -> new int[4]);
      c[0]++;
      if (e.qid() != null) {
        c[1]++;
      }
      if (e.geonames() != null) {
        c[2]++;
      }
      if (Gazetteer.isGenerated(e)) {
        c[3]++;
      }
    }
    System.out.printf("%-13s %8s %8s %8s %10s%n", "type", "entities", "QID", "GeoNames", "generated");
    int[] total = new int[4];
    counts.forEach((t, c) -> {
      System.out.printf("%-13s %8d %7.1f%% %7.1f%% %10d%n", t.className(), c[0], pct(c[1], c[0]),
          pct(c[2], c[0]), c[3]);
      for (int i = 0; i < 4; i++) {
        total[i] += c[i];
      }
    });
    System.out.printf("%-13s %8d %7.1f%% %7.1f%% %10d%n", "all", total[0], pct(total[1], total[0]),
        pct(total[2], total[0]), total[3]);
    Set<String> holders = new HashSet<>();
    int terms = 0;
    for (KbEntity e : kb.all()) {
      if (e.type() == EntityType.PERSON && !kb.officesOf(e.id()).isEmpty()) {
        holders.add(e.id());
        terms += kb.officesOf(e.id()).size();
      }
    }
    long holdersWithQid = holders.stream().filter(h -> kb.get(h).orElseThrow().qid() != null).count();
    System.out.printf("offices: %d terms held by %d persons (%.1f%% with a QID); names indexed: %d keys%n",
        terms, holders.size(), pct((int) holdersWithQid, holders.size()), kb.keyCount());
  }

  private static double pct(int a, int b) {
    return b == 0 ? 0 : 100.0 * a / b;
  }

  private static void gc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
