package org.newsgraph.rdf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Test;
import org.newsgraph.Pipeline;
import org.newsgraph.TestFiles;
import org.newsgraph.extract.EventClass;
import org.newsgraph.extract.Status;
import org.newsgraph.kb.EntityType;

/** Every ng: term the code uses is declared in the ontology, with labels in French and English. */
class VocabularyTest {

  private static final Graph ONT = RDFDataMgr.loadGraph(TestFiles.ontology().toString());
  private static final Node LABEL = NodeFactory.createURI(NG.RDFS + "label");

  private static Set<String> missing(Set<String> iris) {
    Set<String> out = new TreeSet<>();
    for (String iri : iris) {
      Node n = NodeFactory.createURI(iri);
      boolean fr = ONT.find(n, LABEL, Node.ANY).toList().stream()
          .anyMatch(t -> "fr".equals(t.getObject().getLiteralLanguage()));
      boolean en = ONT.find(n, LABEL, Node.ANY).toList().stream()
          .anyMatch(t -> "en".equals(t.getObject().getLiteralLanguage()));
      if (!fr || !en) {
        out.add(iri);
      }
    }
    return out;
  }

  @Test
  void everyConstantIsDeclared() throws IllegalAccessException {
    Set<String> iris = new HashSet<>();
    for (Field f : NG.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == Node.class) {
        Node n = (Node) f.get(null);
        if (n.getURI().startsWith(NG.NS)) {
          iris.add(n.getURI());
        }
      }
    }
    for (EventClass c : EventClass.values()) {
      iris.add(NG.NS + c.localName());
    }
    for (Status s : Status.values()) {
      iris.add(NG.NS + s.localName());
    }
    for (EntityType t : EntityType.values()) {
      iris.add(NG.NS + t.className());
    }
    Set<String> m = missing(iris);
    assertTrue(m.isEmpty(), "not declared with fr and en labels: " + m);
  }

  @Test
  void everyTermInTheSeedOutputIsDeclared() {
    Pipeline p = Pipeline.builder().build();
    Set<String> used = new HashSet<>();
    p.quads(p.extract(TestFiles.read(TestFiles.seed()))).forEach(q -> {
      for (Node n : new Node[] {q.getPredicate(), q.getObject()}) {
        if (n.isURI() && n.getURI().startsWith(NG.NS)) {
          used.add(n.getURI());
        }
      }
    });
    Set<String> m = missing(used);
    assertTrue(m.isEmpty(), "used but not declared: " + m);
  }
}
