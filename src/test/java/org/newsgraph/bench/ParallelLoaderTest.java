package org.newsgraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.Pipeline;
import org.newsgraph.article.ArticleReader;
import org.newsgraph.kb.Gazetteer;
import org.newsgraph.store.ArticleLoader;
import org.newsgraph.store.GraphStore;
import org.newsgraph.store.ParallelArticleLoader;
import org.newsgraph.store.ParallelMapper;

class ParallelLoaderTest {

  @TempDir
  Path tmp;

  @Test
  void parallelMappingKeepsTheInputOrderAndTheQuads() throws Exception {
    Path corpus = tmp.resolve("c.jsonl");
    CorpusFiles.write(Gazetteer.bundled(), 5, 60, corpus, null);
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
  void theParallelLoaderBuildsTheSameStoreAsTheArticleLoader() throws Exception {
    Path corpus = tmp.resolve("c.jsonl");
    CorpusFiles.write(Gazetteer.bundled(), 9, 40, corpus, null);
    Pipeline p = Pipeline.builder().build();
    long seq;
    long par;
    ArticleLoader.Report rs;
    ArticleLoader.Report rp;
    try (GraphStore s = GraphStore.open(Files.createDirectories(tmp.resolve("seq")))) {
      rs = new ArticleLoader(p, s, 7, null).load(List.of(corpus), ArticleReader.DEFAULT_MAX_BYTES);
      seq = s.size();
    }
    try (GraphStore s = GraphStore.open(Files.createDirectories(tmp.resolve("par")))) {
      rp = new ParallelArticleLoader(p, s, 7, 2, null).load(List.of(corpus),
          ArticleReader.DEFAULT_MAX_BYTES);
      par = s.size();
    }
    assertEquals(seq, par);
    assertEquals(rs.articles, rp.articles);
    assertEquals(rs.quads, rp.quads);
    assertEquals(rs.eventsByType, rp.eventsByType);
    assertEquals(rs.calls, rp.calls);
  }
}
