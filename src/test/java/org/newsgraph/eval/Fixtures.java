package org.newsgraph.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;

/** The toy gold files and hand-written outputs of src/test/resources/org/newsgraph/eval. */
final class Fixtures {

  /** Every fixture, in the order a folder listing gives them. */
  static final List<String> ALL = List.of("call_as_meeting", "call_matched", "call_missing",
      "call_planned", "call_wrong_date", "links", "other");

  private static Ontology ontology;

  private Fixtures() {}

  static synchronized Ontology ontology() {
    if (ontology == null) {
      try {
        ontology = Ontology.bundled();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return ontology;
  }

  static String text(String resource) {
    try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Gold gold(String name) {
    try {
      return new GoldReader().parse(name, text("gold/" + name + ".json"));
    } catch (GoldReader.FormatException e) {
      throw new IllegalStateException(e);
    }
  }

  static DatasetGraph output(String name) {
    DatasetGraph dsg = DatasetGraphFactory.create();
    RDFParser.create().fromString(text("out/" + name + ".trig")).lang(Lang.TRIG).parse(dsg);
    return dsg;
  }

  static ArticleScore score(String name) {
    return new Scorer(ontology()).score(gold(name), output(name));
  }
}
