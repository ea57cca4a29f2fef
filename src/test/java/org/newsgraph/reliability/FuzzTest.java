package org.newsgraph.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.newsgraph.Pipeline;
import org.newsgraph.article.Article;
import org.newsgraph.article.PartialDate;
import org.newsgraph.extract.Extraction;

/**
 * A seeded fuzz of the extractor: random strings of French words, names, numbers and punctuation
 * (and a few random characters) go through {@link Pipeline#extract} and the mapping; no exception
 * may escape, and the RDF emitted must parse back with a strict N-Quads parser, quad for quad.
 * Set {@code -Dnewsgraph.fuzz.count=N} and {@code -Dnewsgraph.fuzz.seed=S} to fuzz more or otherwise.
 */
class FuzzTest {

  static final int COUNT = Integer.getInteger("newsgraph.fuzz.count", 3000);
  static final long SEED = Long.getLong("newsgraph.fuzz.seed", 20240305L);

  @Test
  void randomFrenchNeverBreaksTheExtractorAndItsRdfParses() throws Exception {
    Pipeline pipeline = Pipeline.builder().build();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    AtomicLong quads = new AtomicLong();
    AtomicLong slowestNanos = new AtomicLong();
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors())));
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      final int n = i;
      futures.add(pool.submit(() -> {
        Random r = new Random(SEED * 31 + n);
        String text = Corpus.fuzz(r);
        PartialDate date = r.nextInt(5) == 0 ? null : PartialDate.parse(Corpus.date(r));
        Article a = Article.of("fuzz-" + n, date, r.nextBoolean() ? Corpus.fuzz(r) : null, text, null,
            r.nextInt(20) == 0 ? "en" : "fr", "fuzz#" + n);
        long s = System.nanoTime();
        try {
          Extraction x = pipeline.extract(a);
          List<Quad> q = pipeline.quads(x);
          slowestNanos.accumulateAndGet(System.nanoTime() - s, Math::max);
          quads.addAndGet(q.size());
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          StreamRDF w = StreamRDFWriter.getWriterStream(out, RDFFormat.NQUADS);
          w.start();
          q.forEach(w::quad);
          w.finish();
          long[] back = {0};
          RDFParser.source(new ByteArrayInputStream(out.toByteArray())).lang(Lang.NQUADS).strict(true)
              .parse(new org.apache.jena.riot.system.StreamRDFBase() {
                @Override
                public void quad(Quad qq) {
                  back[0]++;
                }
              });
          if (back[0] != q.size()) {
            failures.add("input " + n + ": " + q.size() + " quads written, " + back[0] + " read back");
          }
        } catch (RuntimeException | StackOverflowError e) {
          failures.add("input " + n + " (seed " + SEED + "): " + e + " on text: "
              + text.substring(0, Math.min(200, text.length())));
        }
      }));
    }
    for (Future<?> f : futures) {
      f.get(5, TimeUnit.MINUTES);
    }
    pool.shutdown();
    double secs = (System.nanoTime() - t0) / 1e9;
    System.out.printf("Fuzz: %d inputs (seed %d), %d quads, %.1f s, slowest input %.2f s, %d failures%n",
        COUNT, SEED, quads.get(), secs, slowestNanos.get() / 1e9, failures.size());
    assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())));
    assertTrue(quads.get() > COUNT, "the fuzz produced RDF: " + quads.get());
    assertTrue(slowestNanos.get() < 10_000_000_000L, "one input took " + slowestNanos.get() / 1e9 + " s");
  }
}
