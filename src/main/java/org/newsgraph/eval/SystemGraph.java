package org.newsgraph.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * A system's output as the scorer sees it: the union of all graphs of a dataset, read only through
 * the interoperability terms (event classes with their subclasses, {@code ng:participant} and its
 * subproperties, {@code ng:date}, {@code ng:status}, {@code owl:sameAs} to Wikidata and GeoNames,
 * {@code schema:mentions}, labels). Values are compared as strings: an IRI by its text, a literal
 * by its lexical form.
 */
public final class SystemGraph {

  static final String WD = "http://www.wikidata.org/entity/";
  private static final java.util.regex.Pattern GEONAMES =
      java.util.regex.Pattern.compile("https?://(?:sws\\.|www\\.)?geonames\\.org/([0-9]+)(?:/.*)?");

  static final Node STATUS = Ontology.ng("status");
  static final Node OCCURRED = Ontology.ng("Occurred");
  static final Node DATE = Ontology.ng("date");
  private static final List<Node> LABELS = List.of(RDFS.label.asNode(), SKOS.prefLabel.asNode(),
      NodeFactory.createURI("http://schema.org/name"), NodeFactory.createURI("https://schema.org/name"));
  private static final List<Node> MENTIONS = List.of(
      NodeFactory.createURI("http://schema.org/mentions"),
      NodeFactory.createURI("https://schema.org/mentions"));

  private final Graph g;
  private final Ontology onto;
  private final Set<Node> eventClasses;
  private final Set<Node> participantProps;

  private SystemGraph(Graph g, Ontology onto) {
    this.g = g;
    this.onto = onto;
    this.eventClasses = onto.classClosure(Ontology.ng("Event"));
    this.participantProps = onto.propertyClosure(Ontology.ng("participant"));
  }

  /** The union of the default graph and all named graphs of the dataset. */
  public static SystemGraph of(DatasetGraph dsg, Ontology onto) {
    Graph union = GraphMemFactory.createDefaultGraph();
    addAll(union, dsg.getDefaultGraph());
    Iterator<Node> names = dsg.listGraphNodes();
    List<Node> graphNames = new ArrayList<>();
    names.forEachRemaining(graphNames::add);
    for (Node n : graphNames) {
      addAll(union, dsg.getGraph(n));
    }
    return new SystemGraph(union, onto);
  }

  private static void addAll(Graph into, Graph from) {
    ExtendedIterator<Triple> it = from.find();
    try {
      while (it.hasNext()) {
        into.add(it.next());
      }
    } finally {
      it.close();
    }
  }

  public Ontology ontology() {
    return onto;
  }

  /** A node as text: an IRI, the lexical form of a literal, or a blank node's label. */
  static String text(Node n) {
    if (n.isURI()) {
      return n.getURI();
    }
    if (n.isLiteral()) {
      return n.getLiteralLexicalForm();
    }
    if (n.isBlank()) {
      return n.getBlankNodeLabel();
    }
    return n.toString();
  }

  private Set<Node> objects(Node s, Node p) {
    Set<Node> out = new LinkedHashSet<>();
    ExtendedIterator<Triple> it = g.find(s, p, Node.ANY);
    try {
      while (it.hasNext()) {
        out.add(it.next().getObject());
      }
    } finally {
      it.close();
    }
    return out;
  }

  private Set<Node> subjects(Node p, Node o) {
    Set<Node> out = new LinkedHashSet<>();
    ExtendedIterator<Triple> it = g.find(Node.ANY, p, o);
    try {
      while (it.hasNext()) {
        out.add(it.next().getSubject());
      }
    } finally {
      it.close();
    }
    return out;
  }

  /** Every node typed with an event class, ordered by its text so that scoring is repeatable. */
  public List<Node> events() {
    Set<Node> out = new LinkedHashSet<>();
    for (Node c : eventClasses) {
      out.addAll(subjects(RDF.type.asNode(), c));
    }
    List<Node> list = new ArrayList<>(out);
    list.sort(Comparator.comparing(SystemGraph::text));
    return list;
  }

  public Set<Node> types(Node e) {
    return objects(e, RDF.type.asNode());
  }

  /** Whether one of the node's types lies in the class closure. */
  public boolean isA(Node e, Set<Node> classClosure) {
    for (Node t : types(e)) {
      if (classClosure.contains(t)) {
        return true;
      }
    }
    return false;
  }

  /** An event with no status, or with ng:Occurred among its statuses, is asserted as occurred. */
  public boolean occurred(Node e) {
    Set<Node> st = objects(e, STATUS);
    return st.isEmpty() || st.contains(OCCURRED);
  }

  public Set<Node> participants(Node e) {
    Set<Node> out = new LinkedHashSet<>();
    for (Node p : participantProps) {
      out.addAll(objects(e, p));
    }
    return out;
  }

  /** Wikidata QIDs the node is owl:sameAs. */
  public Set<String> qids(Node x) {
    Set<String> out = new TreeSet<>();
    for (Node o : objects(x, OWL.sameAs.asNode())) {
      String s = text(o);
      if (s.startsWith(WD)) {
        out.add(s.substring(WD.length()));
      }
    }
    return out;
  }

  /** GeoNames ids the node is owl:sameAs. */
  public Set<String> geonames(Node x) {
    Set<String> out = new TreeSet<>();
    for (Node o : objects(x, OWL.sameAs.asNode())) {
      java.util.regex.Matcher m = GEONAMES.matcher(text(o));
      if (m.matches()) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  /** Labels (rdfs:label, skos:prefLabel, schema:name), folded, without empty ones. */
  public Set<String> labels(Node x) {
    Set<String> out = new TreeSet<>();
    for (Node p : LABELS) {
      for (Node o : objects(x, p)) {
        String f = Names.fold(text(o));
        if (!f.isEmpty()) {
          out.add(f);
        }
      }
    }
    return out;
  }

  /** A label to show a person: the French rdfs:label first, else any label, else the IRI's end. */
  public String displayLabel(Node x) {
    String any = null;
    for (Node p : LABELS) {
      for (Node o : objects(x, p)) {
        if (o.isLiteral() && "fr".equalsIgnoreCase(o.getLiteralLanguage())) {
          return o.getLiteralLexicalForm();
        }
        String t = text(o);
        if (any == null || t.compareTo(any) < 0) {
          any = t;
        }
      }
    }
    if (any != null) {
      return any;
    }
    String t = text(x);
    int cut = Math.max(t.lastIndexOf('/'), t.lastIndexOf('#'));
    return cut >= 0 && cut < t.length() - 1 ? t.substring(cut + 1) : t;
  }

  /** The event's ng:date values, as written. */
  public Set<String> dates(Node e) {
    Set<String> out = new TreeSet<>();
    for (Node o : objects(e, DATE)) {
      out.add(text(o));
    }
    return out;
  }

  /**
   * The entities the output links to the article: objects of schema:mentions and participants of
   * every event.
   */
  public Set<Node> mentioned() {
    Set<Node> out = new LinkedHashSet<>();
    for (Node p : MENTIONS) {
      ExtendedIterator<Triple> it = g.find(Node.ANY, p, Node.ANY);
      try {
        while (it.hasNext()) {
          out.add(it.next().getObject());
        }
      } finally {
        it.close();
      }
    }
    for (Node e : events()) {
      out.addAll(participants(e));
    }
    return out;
  }
}
