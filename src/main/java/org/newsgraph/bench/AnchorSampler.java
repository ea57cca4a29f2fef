package org.newsgraph.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.system.Txn;

/**
 * Parameters for the anchored questions drawn from the store they are asked of, as database
 * benchmarks draw theirs (BSBM draws its products at random, LDBC picks its parameters from the
 * data): a hand-picked anchor tells how that anchor fares, a sample tells how the question fares
 * across the anchors the store holds.
 *
 * <p>Each anchored query has a candidate query that lists every anchor the store holds with the
 * number of events behind it (an actor's events, a pair's events, a place's attacks, a month's
 * interactions). Two draws are made from that list: {@link Draw#UNIFORM}, each anchor equally
 * likely (a typical anchor), and {@link Draw#WEIGHTED}, in proportion to its events (a reader
 * asks about an actor as often as the news names it, so the busy ones come up more).
 */
final class AnchorSampler {

  private AnchorSampler() {
  }

  /** How anchors are drawn from the candidates. */
  enum Draw {
    /** Without replacement, each anchor equally likely. */
    UNIFORM("uniform"),
    /** With replacement, each anchor in proportion to its events. */
    WEIGHTED("weighted by events");

    final String label;

    Draw(String label) {
      this.label = label;
    }
  }

  /** One anchor the store holds: the query's parameters, and how many events are behind it. */
  record Anchor(Map<String, Node> params, long events) {

    /** The parameters as a binding for the query's execution. */
    Binding binding() {
      BindingBuilder b = BindingBuilder.create();
      params.forEach((k, v) -> b.add(Var.alloc(k), v));
      return b.build();
    }

    /** The parameters as NAME=VALUE, with Wikidata IRIs written wd:Q... */
    String label() {
      StringBuilder b = new StringBuilder();
      params.forEach((k, v) -> {
        if (b.length() > 0) {
          b.append(' ');
        }
        b.append(k).append('=').append(term(v));
      });
      return b.toString();
    }

    private static String term(Node n) {
      if (n.isURI()) {
        String iri = n.getURI();
        return iri.startsWith(WD) && iri.indexOf('/', WD.length()) < 0
            ? "wd:" + iri.substring(WD.length()) : "<" + iri + ">";
      }
      return n.isLiteral() ? "\"" + n.getLiteralLexicalForm() + "\"" : n.toString();
    }
  }

  private static final String WD = "http://www.wikidata.org/entity/";

  private static final String PREFIXES = """
      PREFIX ng:   <https://w3id.org/newsgraph/ontology#>
      PREFIX owl:  <http://www.w3.org/2002/07/owl#>
      PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
      """;

  /**
   * For each anchored query, the query listing its candidate anchors: one variable per parameter
   * of the anchored query, and {@code ?events}. Anchors are Wikidata IRIs, as users give them.
   */
  static final Map<String, String> CANDIDATES = Map.of(
      // the actors of events, and how many events each takes part in
      "actor-events", PREFIXES + """
          SELECT ?qid (COUNT(DISTINCT ?event) AS ?events) WHERE {
            ?event ng:participant ?actor .
            ?actor owl:sameAs ?qid .
            FILTER (STRSTARTS(STR(?qid), "http://www.wikidata.org/entity/"))
          } GROUP BY ?qid
          """,
      // the pairs of actors (ng:Dyad, one per pair, in either order) and their events
      "dyad-events", PREFIXES + """
          SELECT ?a ?b ?events WHERE {
            { SELECT ?dyad (COUNT(DISTINCT ?event) AS ?events) WHERE { ?event ng:dyad ?dyad }
              GROUP BY ?dyad }
            ?dyad ng:member ?x , ?y .
            FILTER (STR(?x) < STR(?y))
            ?x owl:sameAs ?a .
            FILTER (STRSTARTS(STR(?a), "http://www.wikidata.org/entity/"))
            ?y owl:sameAs ?b .
            FILTER (STRSTARTS(STR(?b), "http://www.wikidata.org/entity/"))
          }
          """,
      // the places of attacks and the countries they lie in, as attacks.rq matches them
      "attacks", PREFIXES + """
          SELECT ?place (COUNT(DISTINCT ?attack) AS ?events) WHERE {
            ?attack a ng:Attack ; ng:place ?where .
            { ?where owl:sameAs ?place } UNION { ?where ng:country/owl:sameAs ?place }
            FILTER (STRSTARTS(STR(?place), "http://www.wikidata.org/entity/"))
          } GROUP BY ?place
          """,
      // the months that hold interactions (the ontology's subclasses of ng:Interaction)
      "calls-in-month", PREFIXES + """
          SELECT ?month (COUNT(DISTINCT ?event) AS ?events) WHERE {
            ?class rdfs:subClassOf* ng:Interaction .
            ?event a ?class ; ng:month ?m .
            BIND (STR(?m) AS ?month)
          } GROUP BY ?month
          """);

  /**
   * The anchors the store holds for the named anchored query, sorted (so that a draw with a
   * given seed gives the same sample on the same store), or an empty list when the query has
   * no candidate query.
   */
  static List<Anchor> candidates(Dataset ds, String queryName, int timeoutSeconds) {
    String text = CANDIDATES.get(queryName);
    if (text == null) {
      return List.of();
    }
    Query q = QueryFactory.create(text);
    List<Anchor> out = Txn.calculateRead(ds, () -> {
      List<Anchor> list = new ArrayList<>();
      try (QueryExecution qe = QueryExecution.create().query(q).dataset(ds)
          .timeout(timeoutSeconds, TimeUnit.SECONDS).build()) {
        ResultSet rs = qe.execSelect();
        List<String> vars = rs.getResultVars().stream().filter(v -> !v.equals("events")).toList();
        while (rs.hasNext()) {
          QuerySolution s = rs.next();
          Map<String, Node> params = new LinkedHashMap<>();
          for (String v : vars) {
            RDFNode n = s.get(v);
            if (n != null) {
              params.put(v, n.asNode());
            }
          }
          RDFNode events = s.get("events");
          if (params.size() == vars.size() && events != null && events.isLiteral()) {
            list.add(new Anchor(Collections.unmodifiableMap(params), events.asLiteral().getLong()));
          }
        }
      }
      return list;
    });
    out.sort(Comparator.comparing(Anchor::label));
    return out;
  }

  /**
   * {@code n} anchors drawn from the candidates: uniformly without replacement (all of them
   * when there are no more than {@code n}), or in proportion to their events with replacement.
   */
  static List<Anchor> draw(List<Anchor> candidates, int n, Draw draw, Random random) {
    if (candidates.isEmpty() || n <= 0) {
      return List.of();
    }
    if (draw == Draw.UNIFORM) {
      List<Anchor> copy = new ArrayList<>(candidates);
      Collections.shuffle(copy, random);
      return List.copyOf(copy.subList(0, Math.min(n, copy.size())));
    }
    long[] cumulative = new long[candidates.size()];
    long total = 0;
    for (int i = 0; i < cumulative.length; i++) {
      total += Math.max(0, candidates.get(i).events());
      cumulative[i] = total;
    }
    if (total == 0) {
      return draw(candidates, n, Draw.UNIFORM, random);
    }
    List<Anchor> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      long x = Math.floorMod(random.nextLong(), total);
      int i = java.util.Arrays.binarySearch(cumulative, x + 1);
      out.add(candidates.get(i >= 0 ? i : -i - 1));
    }
    return List.copyOf(out);
  }
}
