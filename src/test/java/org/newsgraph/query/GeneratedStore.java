package org.newsgraph.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.newsgraph.Pipeline;
import org.newsgraph.TestFiles;
import org.newsgraph.article.ArticleReader;
import org.newsgraph.bench.CorpusGenerator;
import org.newsgraph.kb.Gazetteer;
import org.newsgraph.store.ArticleLoader;
import org.newsgraph.store.GraphStore;

/** A store built as {@code build} builds it, from a corpus of generated articles. */
final class GeneratedStore {

  private GeneratedStore() {
  }

  /**
   * Generates {@code articles} articles with the given seed into {@code dir/corpus.jsonl}, then
   * builds them, with the ontology graph, into {@code dir/store}, which the caller closes.
   */
  static GraphStore build(Path dir, long seed, int articles) throws IOException {
    Path corpus = dir.resolve("corpus.jsonl");
    try (Writer w = Files.newBufferedWriter(corpus, StandardCharsets.UTF_8)) {
      new CorpusGenerator(Gazetteer.bundled(), seed).generate(articles, g -> {
        try {
          w.write(g.toJson());
          w.write('\n');
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    GraphStore store = GraphStore.open(dir.resolve("store"));
    try (InputStream in = Files.newInputStream(TestFiles.ontology())) {
      store.putOntology(in);
    }
    new ArticleLoader(Pipeline.builder().build(), store, 50, s -> { })
        .load(List.of(corpus), ArticleReader.DEFAULT_MAX_BYTES);
    return store;
  }
}
