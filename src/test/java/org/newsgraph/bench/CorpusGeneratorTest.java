package org.newsgraph.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsgraph.Pipeline;
import org.newsgraph.article.Article;
import org.newsgraph.article.ArticleReader;
import org.newsgraph.article.Diagnostic;
import org.newsgraph.kb.Gazetteer;

class CorpusGeneratorTest {

  private static byte[] corpus(long seed, int n) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new CorpusGenerator(Gazetteer.bundled(), seed).generate(n,
        a -> out.writeBytes((a.toJson() + "\n").getBytes(StandardCharsets.UTF_8)));
    return out.toByteArray();
  }

  @Test
  void sameSeedGivesTheSameBytes() {
    assertArrayEquals(corpus(7, 300), corpus(7, 300));
    assertNotEquals(new String(corpus(7, 50), StandardCharsets.UTF_8),
        new String(corpus(8, 50), StandardCharsets.UTF_8));
  }

  @Test
  void aCorpusIsThePrefixOfALargerOne() {
    byte[] small = corpus(3, 40);
    byte[] large = corpus(3, 80);
    assertArrayEquals(small, java.util.Arrays.copyOf(large, small.length));
  }

  @Test
  void everyLineReadsBackAsAnArticle() {
    List<Article> read = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    java.nio.file.Path f;
    try {
      f = java.nio.file.Files.createTempFile("gen", ".jsonl");
      java.nio.file.Files.write(f, corpus(11, 100));
      new ArticleReader().read(List.of(f), ArticleReader.Listener.of(read::add, problems::add));
      java.nio.file.Files.delete(f);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertEquals(List.of(), problems);
    assertEquals(100, read.size());
    assertTrue(read.stream().allMatch(a -> a.published() != null && a.text().length() > 40));
  }

  @Test
  void thePipelineFindsTheCallsOfAGeneratedCorpus() {
    Pipeline p = Pipeline.builder().build();
    CorpusScore calls = new CorpusScore(CorpusScore::calls);
    CorpusScore all = new CorpusScore(CorpusScore::all);
    new CorpusGenerator(Gazetteer.bundled(), 42).generate(200, g -> {
      Article a = Article.of(g.id(), org.newsgraph.article.PartialDate.of(g.date()), g.title(),
          g.text(), null, "fr", g.id());
      var x = p.extract(a);
      calls.add(g, x);
      all.add(g, x);
    });
    System.out.println("calls: " + calls.summary());
    System.out.println("all classes: " + all.summary());
    // Measured on this corpus (seed 42, 200 articles): calls recall 0.95, precision 0.95; the
    // misses are planned calls written "un entretien ... est prévu JOUR", read as occurred.
    assertTrue(calls.recall() >= 0.9, calls.summary());
    assertTrue(calls.precision() >= 0.9, calls.summary());
    assertTrue(calls.relaxedRecall() >= 0.98, calls.summary());
  }
}
