package org.newsgraph;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.article.Article;
import org.newsgraph.article.ArticleReader;
import org.newsgraph.article.Diagnostic;

/** Paths of the project's files and small helpers shared by tests. */
public final class TestFiles {

  private TestFiles() {}

  /**
   * A query that ARQ's own time limit does not stop: two grouped sub-selects over the cube of the
   * store's triples, joined (it ran over 40 s under a limit of 1 s on the seed store, until
   * stopped). ARQ cancels the iterators that exist when the limit comes, not those the groupings
   * build afterwards.
   */
  public static final String RUNAWAY_QUERY = "SELECT * { { SELECT ?s (COUNT(*) AS ?n) "
      + "{ ?s ?p ?o . ?d ?e ?f . ?g ?h ?i } GROUP BY ?s } { SELECT ?s (COUNT(*) AS ?m) "
      + "{ ?s ?p2 ?o2 . ?d2 ?e2 ?f2 . ?g2 ?h2 ?i2 } GROUP BY ?s } } ORDER BY ?n";

  public static Path project() {
    return Path.of(System.getProperty("newsgraph.projectDir", "."));
  }

  public static Path seed() {
    return project().resolve("seeds/000_5855b7373af62ab9.txt");
  }

  public static Path ontology() {
    return project().resolve("ontology/newsgraph.ttl");
  }

  public static Path shapes() {
    return project().resolve("ontology/shapes.ttl");
  }

  /** Reads one text article, failing on any problem. */
  public static Article read(Path file) {
    List<Article> out = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    new ArticleReader().read(List.of(file), ArticleReader.Listener.of(out::add, problems::add));
    if (!problems.isEmpty() || out.size() != 1) {
      throw new IllegalStateException(file + ": " + problems);
    }
    return out.get(0);
  }

  public static DatasetGraph dataset(List<Quad> quads) {
    DatasetGraph dsg = DatasetFactory.createTxnMem().asDatasetGraph();
    quads.forEach(dsg::add);
    return dsg;
  }

  public static String trig(DatasetGraph dsg) {
    StringWriter w = new StringWriter();
    RDFDataMgr.write(w, dsg, RDFFormat.TRIG_PRETTY);
    return w.toString();
  }

  public static String readString(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
