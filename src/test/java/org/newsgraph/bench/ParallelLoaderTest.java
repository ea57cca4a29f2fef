package org.newsgraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.system.Txn;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.Pipeline;
import org.newsgraph.article.ArticleReader;
import org.newsgraph.kb.Gazetteer;
import org.newsgraph.store.ArticleLoader;
import org.newsgraph.store.GraphStore;
import org.newsgraph.store.ParallelMapper;

class ParallelLoaderTest {

  @TempDir
  Path tmp;

  @Test
  void parallelMappingKeepsTheInputOrderAndTheQuads() throws Exception {
    Path corpus = corpus(5, 60);
    Pipeline p = Pipeline.builder().build();
    List<String> ids1 = new ArrayList<>();
    List<String> ids3 = new ArrayList<>();
    List<Quad> q1 = new ArrayList<>();
    List<Quad> q3 = new ArrayList<>();
    new ParallelMapper(p, 1, 4).run(List.of(corpus), ArticleReader.DEFAULT_MAX_BYTES, m -> {
      ids1.add(m.article().id());
      q1.addAll(m.quads());
    }, d -> { });
    new ParallelMapper(p, 3, 4).run(List.of(corpus), ArticleReader.DEFAULT_MAX_BYTES, m -> {
      ids3.add(m.article().id());
      q3.addAll(m.quads());
    }, d -> { });
    assertEquals(60, ids1.size());
    assertEquals(ids1, ids3);
    assertEquals(q1, q3);
  }

  @Test
  void anyNumberOfThreadsBuildsTheSameStoreAndReport() throws Exception {
    Path corpus = corpus(9, 40);
    Pipeline p = Pipeline.builder().build();
    Set<Quad> seq;
    Set<Quad> par;
    ArticleLoader.Report rs;
    ArticleLoader.Report rp;
    List<ArticleLoader.Status> statuses = new ArrayList<>();
    try (GraphStore s = GraphStore.open(Files.createDirectories(tmp.resolve("seq")))) {
      rs = new ArticleLoader(p, s, 7, null).load(List.of(corpus), ArticleReader.DEFAULT_MAX_BYTES);
      seq = quads(s);
    }
    try (GraphStore s = GraphStore.open(Files.createDirectories(tmp.resolve("par")))) {
      rp = new ArticleLoader(p, s, 7, statuses::add).threads(3)
          .articleTimeLimit(Duration.ofSeconds(30))
          .load(List.of(corpus), ArticleReader.DEFAULT_MAX_BYTES);
      par = quads(s);
    }
    assertEquals(seq, par);
    assertEquals(40, rs.articles);
    assertEquals(rs.articles, rp.articles);
    assertEquals(rs.eventsByType, rp.eventsByType);
    assertEquals(rs.calls, rp.calls);
    assertEquals(rs.callCount, rp.callCount);
    // the progress ends with one final status covering the whole input
    ArticleLoader.Status last = statuses.get(statuses.size() - 1);
    assertTrue(last.done());
    assertEquals(40, last.articles());
    assertEquals(Files.size(corpus), last.bytesTotal());
    assertEquals(Files.size(corpus), last.bytesRead());
    assertEquals(1.0, last.fraction());
    assertEquals(1, statuses.stream().filter(ArticleLoader.Status::done).count());
  }

  @Test
  void aBulkBuildGivesTheSameStoreAndReportsItsIndexPhase() throws Exception {
    Path corpus = corpus(11, 30);
    Pipeline p = Pipeline.builder().build();
    Set<Quad> tx;
    Set<Quad> bulk;
    try (GraphStore s = GraphStore.open(Files.createDirectories(tmp.resolve("tx")))) {
      new ArticleLoader(p, s, 7, null).load(List.of(corpus), ArticleReader.DEFAULT_MAX_BYTES);
      tx = quads(s);
    }
    List<String> events = new ArrayList<>();
    ArticleLoader.Progress progress = new ArticleLoader.Progress() {
      @Override
      public void update(ArticleLoader.Status st) {
        if (st.done()) {
          events.add("done");
        }
      }

      @Override
      public void step(String message) {
        events.add(message);
      }
    };
    try (GraphStore s = GraphStore.open(tmp.resolve("bulk"))) {
      new ArticleLoader(p, s, 7, progress).threads(2).bulk(true)
          .load(List.of(corpus), ArticleReader.DEFAULT_MAX_BYTES);
      bulk = quads(s);
    }
    assertEquals(tx, bulk);
    // reading ends, then the index phase is announced and its end reported
    assertEquals(3, events.size(), events.toString());
    assertEquals("done", events.get(0));
    assertTrue(events.get(1).contains("building the store's indexes"), events.toString());
    assertTrue(events.get(2).startsWith("indexes built in "), events.toString());
  }

  /** A generated corpus of {@code n} articles. */
  private Path corpus(long seed, int n) throws Exception {
    Path corpus = tmp.resolve("c.jsonl");
    CorpusFiles.write(Gazetteer.bundled(), seed, n, corpus, null);
    return corpus;
  }

  private static Set<Quad> quads(GraphStore s) {
    return Txn.calculateRead(s.datasetGraph(), () -> {
      Set<Quad> all = new HashSet<>();
      s.datasetGraph().find().forEachRemaining(all::add);
      return all;
    });
  }
}
