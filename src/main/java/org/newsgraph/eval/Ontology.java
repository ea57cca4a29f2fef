package org.newsgraph.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.RDFS;
import org.newsgraph.rdf.NG;

/**
 * The class and property hierarchy the scorer reads from the ontology ({@code rdfs:subClassOf},
 * {@code rdfs:subPropertyOf}), so that a system may type events with subclasses of the
 * interoperability classes.
 */
public final class Ontology {

  /** Where the ontology is bundled in the jar. */
  public static final String RESOURCE = "/org/newsgraph/ontology/newsgraph.ttl";

  private final Graph graph;
  private final Map<Node, Set<Node>> classes = new ConcurrentHashMap<>();
  private final Map<Node, Set<Node>> properties = new ConcurrentHashMap<>();

  private Ontology(Graph graph) {
    this.graph = graph;
  }

  public static Ontology of(Graph graph) {
    return new Ontology(graph);
  }

  /** The ontology bundled in the jar. */
  public static Ontology bundled() throws IOException {
    try (InputStream in = Ontology.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("the ontology is missing from the jar (" + RESOURCE + ")");
      }
      return parse(in, RESOURCE);
    }
  }

  /** An ontology file in Turtle. */
  public static Ontology read(Path file) throws IOException {
    try (InputStream in = java.nio.file.Files.newInputStream(file)) {
      return parse(in, file.toString());
    }
  }

  private static Ontology parse(InputStream in, String where) throws IOException {
    Graph g = GraphMemFactory.createDefaultGraph();
    try {
      RDFParser.source(in).lang(Lang.TURTLE).parse(g);
    } catch (RiotException e) {
      throw new IOException(where + ": " + e.getMessage(), e);
    }
    return new Ontology(g);
  }

  /** An ontology class by local name. */
  public static Node ng(String localName) {
    return NodeFactory.createURI(NG.NS + localName);
  }

  /** The class and all its subclasses, transitively. */
  public Set<Node> classClosure(Node root) {
    return classes.computeIfAbsent(root, r -> closure(r, RDFS.subClassOf.asNode()));
  }

  /** The property and all its subproperties, transitively. */
  public Set<Node> propertyClosure(Node root) {
    return properties.computeIfAbsent(root, r -> closure(r, RDFS.subPropertyOf.asNode()));
  }

  private Set<Node> closure(Node root, Node prop) {
    Set<Node> out = new LinkedHashSet<>();
    out.add(root);
    java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>();
    todo.add(root);
    while (!todo.isEmpty()) {
      Node x = todo.pop();
      ExtendedIterator<Triple> it = graph.find(Node.ANY, prop, x);
      try {
        while (it.hasNext()) {
          Node s = it.next().getSubject();
          if (out.add(s)) {
            todo.add(s);
          }
        }
      } finally {
        it.close();
      }
    }
    return Collections.unmodifiableSet(out);
  }
}
