package org.newsgraph.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.Pipeline;
import org.newsgraph.rdf.NG;
import org.newsgraph.store.ArticleLoader;
import org.newsgraph.store.GraphStore;

/**
 * Crash safety with a real process: {@code newsgraph build --batch N} runs in a child JVM on a
 * generated corpus and is killed with SIGKILL at random moments, again and again. After each kill
 * the store opens and holds exactly the articles of the committed batches (a prefix of the corpus
 * in whole batches), each article graph whole (its schema:NewsArticle node, as many quads and
 * events as a clean mapping gives); the last run completes and the store then equals a clean
 * build: the same graphs, the same quads per graph, nothing duplicated.
 */
class CrashSafetyTest {

  static final int ARTICLES = Integer.getInteger("newsgraph.crash.articles", 1000);
  static final int BATCH = Integer.getInteger("newsgraph.crash.batch", 20);
  static final int KILLS = Integer.getInteger("newsgraph.crash.kills", 5);

  @TempDir
  Path tmp;

  /** Per graph: quad count and event count (subjects with ng:evidence). */
  record Shape(long quads, long events, boolean hasArticleNode) {}

  static Map<Node, Shape> shapes(GraphStore store) {
    DatasetGraph dsg = store.datasetGraph();
    return Txn.calculateRead(dsg, () -> {
      Map<Node, Shape> out = new TreeMap<>((a, b) -> a.getURI().compareTo(b.getURI()));
      var graphs = dsg.listGraphNodes();
      while (graphs.hasNext()) {
        Node g = graphs.next();
        long quads = 0;
        java.util.Set<Node> events = new java.util.HashSet<>();
        var it = dsg.find(g, Node.ANY, Node.ANY, Node.ANY);
        while (it.hasNext()) {
          Quad q = it.next();
          quads++;
          if (q.getPredicate().equals(NG.evidence)) {
            events.add(q.getSubject());
          }
        }
        boolean article = dsg.contains(g, Node.ANY, NG.RDF_TYPE, NG.SCHEMA_NEWS_ARTICLE);
        out.put(g, new Shape(quads, events.size(), article));
      }
      return out;
    });
  }

  static String articleId(Node g) {
    String u = g.getURI();
    return u.substring(u.lastIndexOf('/') + 1);
  }

  /** A child build and what its progress lines say. */
  static final class Child {
    final Process process;
    final java.util.concurrent.atomic.AtomicInteger extracted = new java.util.concurrent.atomic.AtomicInteger();
    final StringBuffer log = new StringBuffer();

    Child(Process process) {
      this.process = process;
      Thread reader = new Thread(() -> {
        java.util.regex.Pattern progress = java.util.regex.Pattern.compile("newsgraph: ([\\d,]+) articles,");
        try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
            java.nio.charset.StandardCharsets.UTF_8))) {
          String line;
          while ((line = r.readLine()) != null) {
            log.append(line).append('\n');
            var m = progress.matcher(line);
            if (m.find()) {
              extracted.set(Integer.parseInt(m.group(1).replace(",", "")));
            }
          }
        } catch (java.io.IOException e) {
          // the process was killed
        }
      }, "child-output");
      reader.setDaemon(true);
      reader.start();
    }
  }

  static Child startBuild(Path store, Path corpus) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        "org.newsgraph.cli.Main", "build", "--store", store.toString(), "--batch", Integer.toString(BATCH),
        "--threads", "1", "--progress-interval", "0.1", corpus.toString());
    return new Child(new ProcessBuilder(cmd).redirectErrorStream(true).start());
  }

  @Test
  void killedBuildsLeaveWholeBatchesAndARerunEqualsACleanBuild() throws Exception {
    Path corpus = tmp.resolve("corpus.jsonl");
    List<String> ids = Corpus.writeJsonl(corpus, ARTICLES, 7);

    // The clean reference, built in this JVM.
    Map<Node, Shape> clean;
    long cleanSize;
    long t0 = System.nanoTime();
    try (GraphStore store = GraphStore.open(tmp.resolve("clean"))) {
      try (InputStream ont = Files.newInputStream(org.newsgraph.TestFiles.ontology())) {
        store.putOntology(ont);
      }
      ArticleLoader.Report r = new ArticleLoader(Pipeline.builder().build(), store, BATCH, m -> { })
          .load(List.of(corpus), 1 << 20);
      assertEquals(ARTICLES, r.articles, r.problems.toString());
      clean = shapes(store);
      cleanSize = store.size();
    }
    double cleanSecs = (System.nanoTime() - t0) / 1e9;
    String articlePrefix = Pipeline.builder().build().iris().articleGraphPrefix();
    assertEquals(ARTICLES, clean.keySet().stream().filter(g -> g.getURI().startsWith(articlePrefix)).count());

    Path storeDir = tmp.resolve("store");
    Random random = new Random(42);
    int midBuildKills = 0;
    StringBuilder journal = new StringBuilder();
    for (int kill = 1; kill <= KILLS; kill++) {
      // Kill i comes once the child has extracted a random number of articles within the i-th
      // part of the corpus (it says so every 0.1 s), then after a random pause: the runs get further
      // and further, so the kills fall on different batches, before, during and after commits.
      int target = (int) ((kill - 1 + random.nextDouble()) * ARTICLES / (KILLS + 2));
      long pause = random.nextInt(300);
      Child child = startBuild(storeDir, corpus);
      Process p = child.process;
      long started = System.nanoTime();
      while (p.isAlive() && child.extracted.get() < target && System.nanoTime() - started < 300_000_000_000L) {
        Thread.sleep(20);
      }
      boolean ended = p.waitFor(pause, TimeUnit.MILLISECONDS);
      if (!ended) {
        p.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no chance to tidy up
      }
      long delay = (System.nanoTime() - started) / 1_000_000;
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the killed build did not die");
      try (GraphStore store = GraphStore.open(storeDir)) {
        Map<Node, Shape> now = shapes(store);
        List<String> articles = new ArrayList<>();
        for (Map.Entry<Node, Shape> e : now.entrySet()) {
          Shape want = clean.get(e.getKey());
          assertTrue(want != null, "a graph a clean build does not have: " + e.getKey());
          if (e.getKey().getURI().startsWith(articlePrefix) || e.getKey().getURI().equals(NG.ONTOLOGY)) {
            assertEquals(want, e.getValue(), "graph " + e.getKey() + " after kill " + kill + " is not whole");
          } else {
            // A graph the articles share (the reference graph) grows batch by batch.
            assertTrue(e.getValue().quads() <= want.quads(), e.getKey() + " has more quads than a clean build");
          }
          if (e.getKey().getURI().startsWith(articlePrefix)) {
            articles.add(articleId(e.getKey()));
          }
        }
        int k = articles.size();
        assertEquals(ids.subList(0, k), articles, "after kill " + kill + ": not a prefix of the corpus");
        assertTrue(k % BATCH == 0 || k == ARTICLES, "after kill " + kill + ": " + k + " articles, not whole batches of " + BATCH);
        if (!ended && k < ARTICLES) {
          midBuildKills++;
        }
        journal.append(String.format("  kill %d after %d ms (%d articles extracted): %s, %d articles in the store%n",
            kill, delay, child.extracted.get(), ended ? "the build had ended" : "SIGKILL", k));
      }
    }
    // The last run goes to the end.
    Child last = startBuild(storeDir, corpus);
    assertTrue(last.process.waitFor(5, TimeUnit.MINUTES), "the final build did not end");
    assertEquals(0, last.process.exitValue(), last.log.toString());
    try (GraphStore store = GraphStore.open(storeDir)) {
      assertEquals(clean, shapes(store), "the rebuilt store differs from a clean build");
      assertEquals(cleanSize, store.size(), "quads in the store");
    }
    System.out.printf("Crash safety: %d articles, batches of %d, clean build %.1f s in process;%n%s"
        + "  %d of %d kills landed mid-build; the final run equals the clean build (%d quads, %d graphs)%n",
        ARTICLES, BATCH, cleanSecs, journal, midBuildKills, KILLS, cleanSize, clean.size());
    assertTrue(midBuildKills >= KILLS - 1, "too few kills landed during the build:\n" + journal);
  }
}
