package org.newsgraph.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.newsgraph.Pipeline;
import org.newsgraph.article.Article;
import org.newsgraph.article.ArticleReader;
import org.newsgraph.article.Diagnostic;
import org.newsgraph.bench.CorpusGenerator;
import org.newsgraph.kb.Gazetteer;
import org.newsgraph.text.FrenchAnalyzer;
import org.newsgraph.text.PosTagger;
import org.newsgraph.text.Sentence;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The input of the stage benchmarks, made once per fork before any measurement: {@link #ARTICLES}
 * articles as JSON Lines records, the articles read from them, and their sentences and tokens.
 * Read-only once set up, so benchmark threads share it.
 *
 * <p>{@code corpus=generated} (the default) takes the first {@link #ARTICLES} articles that
 * {@code newsgraph generate --seed 1} writes; {@code corpus=seeds} takes the articles of the
 * {@code seeds/} folder (run from the project folder), repeated to make up the same number.
 */
@State(Scope.Benchmark)
public class Corpus {

  /** Articles per benchmark invocation: each benchmark reports articles per second. */
  public static final int ARTICLES = 100;

  /** Seed of the generated articles, {@code generate}'s default. */
  static final long SEED = 1;

  @Param({"generated"})
  public String corpus;

  /** The bundled gazetteer, loaded once. */
  Gazetteer gazetteer;
  /** The default pipeline (bundled gazetteer and lexicon). */
  Pipeline pipeline;
  final ArticleReader reader = new ArticleReader();
  /** Sentence splitting and tokenising only: no part-of-speech tagger. */
  final FrenchAnalyzer analyzer = new FrenchAnalyzer();
  final PosTagger tagger = new PosTagger();

  /** Each article as one UTF-8 JSON Lines record, without its line end. */
  byte[][] jsonLines;
  /** The articles as {@link ArticleReader} reads them from {@link #jsonLines}. */
  List<Article> articles;
  /** The sentences of each article, with their tokens. */
  List<List<Sentence>> sentences;
  /** Tokens of all the articles. */
  long tokens;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    gazetteer = Gazetteer.bundled();
    pipeline = Pipeline.builder().gazetteer(gazetteer).build();
    jsonLines = switch (corpus) {
      case "generated" -> generated();
      case "seeds" -> seeds(Path.of("seeds"));
      default -> throw new IllegalArgumentException(
          "corpus must be 'generated' or 'seeds': '" + corpus + "'");
    };
    articles = new ArrayList<>();
    for (int i = 0; i < jsonLines.length; i++) {
      reader.readJsonLine(jsonLines[i], "bench.jsonl", i + 1L,
          ArticleReader.Listener.of(articles::add, Corpus::failOnError));
    }
    if (articles.size() != ARTICLES) {
      throw new IllegalStateException(articles.size() + " articles read from " + ARTICLES + " lines");
    }
    sentences = new ArrayList<>();
    long chars = 0;
    for (Article a : articles) {
      List<Sentence> s = analyzer.analyse(a.text());
      sentences.add(s);
      tokens += s.stream().mapToLong(x -> x.tokens().size()).sum();
      chars += a.text().length();
    }
    System.out.printf("corpus %s: %d articles, %d sentences, %d tokens, %d characters of text%n",
        corpus, articles.size(), sentences.stream().mapToInt(List::size).sum(), tokens, chars);
  }

  private byte[][] generated() {
    CorpusGenerator g = new CorpusGenerator(gazetteer, SEED);
    byte[][] lines = new byte[ARTICLES][];
    for (int i = 0; i < ARTICLES; i++) {
      lines[i] = g.article(i).toJson().getBytes(StandardCharsets.UTF_8);
    }
    return lines;
  }

  /** The articles of a folder as JSON Lines records, repeated in turn up to {@link #ARTICLES}. */
  private byte[][] seeds(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalStateException("no folder " + folder.toAbsolutePath()
          + ": run the benchmarks from the project folder for corpus=seeds");
    }
    List<Article> found = new ArrayList<>();
    reader.read(List.of(folder), ArticleReader.Listener.of(found::add, Corpus::failOnError));
    if (found.isEmpty()) {
      throw new IllegalStateException("no article in " + folder.toAbsolutePath());
    }
    byte[][] lines = new byte[ARTICLES][];
    for (int i = 0; i < ARTICLES; i++) {
      Article a = found.get(i % found.size());
      JsonObject o = new JsonObject();
      o.put("id", a.id());
      if (a.published() != null) {
        o.put("date", a.published().toString());
      }
      if (a.title() != null) {
        o.put("title", a.title());
      }
      o.put("text", a.text());
      o.put("lang", a.lang());
      lines[i] = JSON.toStringFlat(o).getBytes(StandardCharsets.UTF_8);
    }
    return lines;
  }

  private static void failOnError(Diagnostic d) {
    if (d.severity() == Diagnostic.Severity.ERROR) {
      throw new IllegalStateException("benchmark input: " + d);
    }
  }
}
