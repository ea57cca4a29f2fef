package org.newsgraph.bench.jmh;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.article.Article;
import org.newsgraph.extract.Extraction;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the pipeline makes of the {@link Corpus}, for the benchmarks of the later stages: each
 * article's extraction and its quads. Made once per fork, before any measurement.
 */
@State(Scope.Benchmark)
public class Extractions {

  List<Extraction> extractions;
  /** The quads of each article, in emission order. */
  List<List<Quad>> quads;
  /** Quads of all the articles. */
  long quadCount;

  @Setup(Level.Trial)
  public void setUp(Corpus c) {
    extractions = new ArrayList<>();
    quads = new ArrayList<>();
    long events = 0;
    for (Article a : c.articles) {
      Extraction x = c.pipeline.extract(a);
      List<Quad> q = c.pipeline.quads(x);
      extractions.add(x);
      quads.add(q);
      quadCount += q.size();
      events += x.events().size();
    }
    if (quadCount == 0) {
      throw new IllegalStateException("the articles gave no quads");
    }
    System.out.printf("extractions: %d events, %d quads%n", events, quadCount);
  }
}
