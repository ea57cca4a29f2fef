package org.newsgraph.bench.jmh;

import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.GuardedExtractor;
import org.newsgraph.article.Article;
import org.newsgraph.article.ArticleReader;
import org.newsgraph.extract.Extraction;
import org.newsgraph.kb.Gazetteer;
import org.newsgraph.text.Sentence;
import org.newsgraph.text.Token;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The hot stages of the pipeline, one article at a time, on the {@link Corpus}: each invocation
 * runs a stage over all {@link Corpus#ARTICLES} articles, so the score is in articles per second.
 * The text stages also count tokens per second, the RDF stages quads per second, the gazetteer
 * look-ups per second (secondary results of the same run).
 *
 * <p>Run with {@code java -jar target/jmh/benchmarks.jar} after {@code ./mvnw -Pjmh package}; the
 * defaults below (one fork, 10 warm-up and 5 measured iterations of 2 s) are overridden by JMH's
 * usual flags ({@code -f}, {@code -wi}, {@code -w}, {@code -i}, {@code -r}, {@code -t},
 * {@code -p corpus=seeds}). The warm-up is long because on two busy cores the JIT goes on
 * compiling for some 20 s (OpenNLP's model code, the mapping), and the scores rise until then.
 * The fork runs with the options the {@code newsgraph} launcher gives batch commands
 * ({@code -Xmx2g -XX:+UseParallelGC}), so that its figures compare with {@code bench}'s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC"})
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@OperationsPerInvocation(Corpus.ARTICLES)
public class StageBenchmarks {

  /** A count made in the benchmark, reported per second beside the articles. */
  @State(Scope.Thread)
  public abstract static class Count {
    long count;

    @Setup(Level.Iteration)
    public void reset() {
      count = 0;
    }

    void add(long k) {
      count += k;
    }
  }

  /** Tokens handled. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Tokens extends Count {
    public long tokens() {
      return count;
    }
  }

  /** Quads made or written. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Quads extends Count {
    public long quads() {
      return count;
    }
  }

  /** Gazetteer calls. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Lookups extends Count {
    public long lookups() {
      return count;
    }
  }

  /** Counts the bytes written to it and keeps none. */
  static final class ByteCounter extends OutputStream {
    long bytes;

    @Override
    public void write(int b) {
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
    }
  }

  /**
   * Reading: one JSON Lines record to an {@link Article}, as {@code build} reads a {@code .jsonl}
   * file (UTF-8 check, JSON parse, field checks, date, SHA-256 of the text).
   */
  @Benchmark
  public void read(Corpus c, Blackhole bh) {
    ArticleReader.Listener l = ArticleReader.Listener.of(bh::consume, bh::consume);
    for (int i = 0; i < c.jsonLines.length; i++) {
      c.reader.readJsonLine(c.jsonLines[i], "bench.jsonl", i + 1L, l);
    }
  }

  /** Sentence splitting and tokenising of an article's text, without part-of-speech tags. */
  @Benchmark
  public void analyse(Corpus c, Tokens n, Blackhole bh) {
    for (Article a : c.articles) {
      bh.consume(c.analyzer.analyse(a.text()));
    }
    n.add(c.tokens);
  }

  /**
   * Part-of-speech tagging of every sentence of an article with OpenNLP's French model. The
   * pipeline tags only the sentences that ask for it, so this is the upper bound of its cost.
   */
  @Benchmark
  public void posTag(Corpus c, Tokens n, Blackhole bh) {
    for (List<Sentence> article : c.sentences) {
      for (Sentence s : article) {
        bh.consume(c.tagger.tag(s.tokens()));
      }
    }
    n.add(c.tokens);
  }

  /**
   * Gazetteer look-ups: a longest-match scan from every token of an article, with the calls the
   * recogniser makes (demonym, then the name key grown a token at a time while it begins a
   * longer name).
   */
  @Benchmark
  public int gazetteer(Corpus c, Lookups n) {
    Gazetteer kb = c.gazetteer;
    int maxTokens = kb.maxNameTokens();
    int found = 0;
    long calls = 0;
    for (List<Sentence> article : c.sentences) {
      for (Sentence s : article) {
        List<Token> t = s.tokens();
        for (int from = 0; from < t.size(); from++) {
          found += kb.byDemonym(t.get(from).key()).size();
          calls++;
          String key = t.get(from).key();
          int to = from + 1;
          while (true) {
            found += kb.byName(key).size();
            calls++;
            if (to == t.size() || to - from == maxTokens) {
              break;
            }
            calls++;
            if (!kb.beginsName(key)) {
              break;
            }
            key = key + ' ' + t.get(to++).key();
          }
        }
      }
    }
    n.add(calls);
    return found;
  }

  /**
   * Extraction of an article: analysis (tagging the sentences that need it), recognition and
   * resolution of the mentions, events.
   */
  @Benchmark
  public void extract(Corpus c, Blackhole bh) {
    for (Article a : c.articles) {
      bh.consume(c.pipeline.extract(a));
    }
  }

  /** RDF mapping of an article's extraction to its quads (named graph and reference facts). */
  @Benchmark
  public void map(Corpus c, Extractions x, Quads n, Blackhole bh) {
    StreamRDF sink = new StreamRDFBase() {
      @Override
      public void quad(Quad q) {
        bh.consume(q);
      }
    };
    for (Extraction e : x.extractions) {
      c.pipeline.map(e, sink);
    }
    n.add(x.quadCount);
  }

  /** Serialising an article's quads to N-Quads (UTF-8), as {@code map} and {@code bench} write them. */
  @Benchmark
  public long nquads(Extractions x, Quads n) {
    ByteCounter out = new ByteCounter();
    StreamRDF w = StreamRDFWriter.getWriterStream(out, RDFFormat.NQUADS);
    w.start();
    for (List<Quad> article : x.quads) {
      article.forEach(w::quad);
    }
    w.finish();
    n.add(x.quadCount);
    return out.bytes;
  }

  /**
   * All of it on one thread: JSON Lines record to article, extraction and quads through the
   * per-article guard of {@code build}'s mapping threads (here without a time limit), N-Quads.
   */
  @Benchmark
  public long pipeline(Corpus c, Quads n) {
    ByteCounter out = new ByteCounter();
    StreamRDF w = StreamRDFWriter.getWriterStream(out, RDFFormat.NQUADS);
    w.start();
    try (GuardedExtractor guard = new GuardedExtractor(c.pipeline, Duration.ZERO)) {
      ArticleReader.Listener l = ArticleReader.Listener.of(a -> {
        List<Quad> quads = guard.extract(a).quads();
        quads.forEach(w::quad);
        n.add(quads.size());
      }, d -> {
        throw new IllegalStateException(d.toString());
      });
      for (int i = 0; i < c.jsonLines.length; i++) {
        c.reader.readJsonLine(c.jsonLines[i], "bench.jsonl", i + 1L, l);
      }
    }
    w.finish();
    return out.bytes;
  }
}
