package org.newsgraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.article.Article;
import org.newsgraph.extract.Extraction;
import org.newsgraph.extract.Extractor;
import org.newsgraph.extract.Lexicon;
import org.newsgraph.kb.Gazetteer;
import org.newsgraph.rdf.Iris;
import org.newsgraph.rdf.NG;
import org.newsgraph.rdf.RdfMapper;

/**
 * The article-to-RDF pipeline: analyse, recognise, resolve, extract, map. Pure and thread-safe:
 * values in, quads out through a sink. The CLI, the tests and the server build it the same way.
 *
 * <pre>{@code
 * Pipeline p = Pipeline.builder().build();          // bundled gazetteer and lexicon
 * p.map(article, streamRdf);                        // the article's named graph
 * }</pre>
 */
public final class Pipeline {

  private final Extractor extractor;
  private final RdfMapper mapper;

  private Pipeline(Extractor extractor, RdfMapper mapper) {
    this.extractor = extractor;
    this.mapper = mapper;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Extraction extract(Article a) {
    return extractor.extract(a);
  }

  /** Maps an article into its named graph, emitting quads to the sink. */
  public void map(Article a, StreamRDF out) {
    mapper.map(extract(a), out);
  }

  /** Maps an extraction already made. */
  public void map(Extraction x, StreamRDF out) {
    mapper.map(x, out);
  }

  /** The article's quads, in emission order. */
  public List<Quad> quads(Extraction x) {
    List<Quad> quads = new ArrayList<>();
    mapper.map(x, new StreamRDFBase() {
      @Override
      public void quad(Quad q) {
        quads.add(q);
      }
    });
    return quads;
  }

  public Iris iris() {
    return mapper.iris();
  }

  /** Builds a pipeline; every part has a default. */
  public static final class Builder {
    private Gazetteer gazetteer;
    private Lexicon lexicon;
    private String base = NG.DEFAULT_BASE;

    public Builder gazetteer(Gazetteer g) {
      this.gazetteer = Objects.requireNonNull(g, "gazetteer");
      return this;
    }

    public Builder lexicon(Lexicon l) {
      this.lexicon = Objects.requireNonNull(l, "lexicon");
      return this;
    }

    /** Base IRI of the data; must end with '/' or '#'. */
    public Builder base(String base) {
      this.base = Objects.requireNonNull(base, "base");
      return this;
    }

    public Pipeline build() {
      Iris iris = new Iris(base);
      Gazetteer g = gazetteer != null ? gazetteer : Gazetteer.bundled();
      Lexicon l = lexicon != null ? lexicon : Lexicon.bundled();
      return new Pipeline(new Extractor(g, l), new RdfMapper(iris));
    }
  }
}
