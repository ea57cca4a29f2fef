package org.newsgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsgraph.TestFiles;
import org.newsgraph.store.GraphStore;

/**
 * The dyads (ng:Dyad) of a store built from a generated corpus: every pair of actors of every
 * event has exactly one dyad, which the event points to, and {@code dyad-events.rq}, which reads
 * the pair's events from its dyad, gives the same events as crossing the two actors' events.
 */
class DyadTest {

  private static final String PREFIXES = """
      PREFIX ng: <https://w3id.org/newsgraph/ontology#>
      PREFIX owl: <http://www.w3.org/2002/07/owl#>
      """;

  static Path dir;
  static GraphStore store;

  @BeforeAll
  static void build() throws IOException {
    dir = Files.createTempDirectory("newsgraph-dyads");
    store = GeneratedStore.build(dir, 7, 1500);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  private static long count(String where) {
    Query q = QueryRunner.parse(PREFIXES + "SELECT (COUNT(*) AS ?n) { " + where + " }", "-e");
    return Txn.calculateRead(store.dataset(), () -> {
      try (var qe = org.apache.jena.query.QueryExecution.create().query(q)
          .dataset(store.dataset()).build()) {
        return qe.execSelect().next().getLiteral("n").getLong();
      }
    });
  }

  @Test
  void everyPairOfActorsOfAnEventHasItsDyad() {
    long pairs = count("SELECT DISTINCT ?e ?x ?y { ?e ng:participant ?x , ?y "
        + "FILTER (STR(?x) < STR(?y)) }");
    assertTrue(pairs > 300, "the corpus has events of two actors or more: " + pairs);
    assertEquals(0, count("?e ng:participant ?x , ?y FILTER (STR(?x) < STR(?y)) "
        + "FILTER NOT EXISTS { ?e ng:dyad ?d . ?d ng:member ?x , ?y }"),
        "a pair of actors of an event without its dyad");
    assertEquals(pairs, count("SELECT DISTINCT ?e ?d { ?e ng:dyad ?d }"),
        "one ng:dyad per pair of actors of each event, no more");
    assertEquals(0, count("?e ng:dyad ?d . ?d ng:member ?m "
        + "FILTER NOT EXISTS { ?e ng:participant ?m }"),
        "a dyad of an event whose member takes no part in it");
    assertEquals(0, count("SELECT ?d { ?d a ng:Dyad ; ng:member ?m } GROUP BY ?d "
        + "HAVING (COUNT(DISTINCT ?m) != 2)"), "a dyad without exactly two members");
    assertEquals(count("SELECT DISTINCT ?x ?y { ?e ng:participant ?x , ?y "
        + "FILTER (STR(?x) < STR(?y)) }"), count("?d a ng:Dyad"),
        "one dyad per pair of actors, whatever the events and articles that pair them");
  }

  @Test
  void dyadEventsGivesTheEventsBothActorsTakePartIn() {
    // the ten pairs of actors with a Wikidata id that share the most events
    Query top = QueryRunner.parse(PREFIXES + """
        SELECT ?qa ?qb (COUNT(DISTINCT ?e) AS ?n) {
          ?e ng:participant ?x , ?y .
          ?x owl:sameAs ?qa . ?y owl:sameAs ?qb .
          FILTER (STR(?x) < STR(?y) && STRSTARTS(STR(?qa), "http://www.wikidata.org/entity/")
                  && STRSTARTS(STR(?qb), "http://www.wikidata.org/entity/"))
        } GROUP BY ?qa ?qb ORDER BY DESC(?n) ?qa ?qb LIMIT 10""", "-e");
    List<QuerySolution> pairs = Txn.calculateRead(store.dataset(), () -> {
      try (var qe = org.apache.jena.query.QueryExecution.create().query(top)
          .dataset(store.dataset()).build()) {
        List<QuerySolution> l = new ArrayList<>();
        qe.execSelect().forEachRemaining(l::add);
        return l;
      }
    });
    assertEquals(10, pairs.size());
    Query dyadEvents = QueryRunner.parse(
        QueryRunner.read(TestFiles.project().resolve("queries/dyad-events.rq")), "dyad-events");
    for (QuerySolution p : pairs) {
      Node qa = p.getResource("qa").asNode();
      Node qb = p.getResource("qb").asNode();
      Set<String> expected = new TreeSet<>();
      Query crossing = QueryRunner.parse(PREFIXES + "SELECT DISTINCT ?e { ?x owl:sameAs <"
          + qa.getURI() + "> . ?y owl:sameAs <" + qb.getURI() + "> . "
          + "?e ng:participant ?x , ?y }", "-e");
      Txn.executeRead(store.dataset(), () -> {
        try (var qe = org.apache.jena.query.QueryExecution.create().query(crossing)
            .dataset(store.dataset()).build()) {
          qe.execSelect().forEachRemaining(s -> expected.add(s.getResource("e").getURI()));
        }
      });
      assertEquals(p.getLiteral("n").getLong(), expected.size());
      for (Map<String, Node> params : List.of(Map.of("a", qa, "b", qb), Map.of("a", qb, "b", qa))) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new QueryRunner(store.dataset()).run(dyadEvents, params, QueryRunner.Format.TSV, out);
        Set<String> got = new TreeSet<>();
        out.toString(StandardCharsets.UTF_8).lines().skip(1)
            .forEach(l -> got.add(l.split("\t")[1].replaceAll("^<|>$", "")));
        assertEquals(expected, got, "events of " + qa + " and " + qb + " given as " + params);
      }
    }
    assertTrue(pairs.get(0).getLiteral("n").getLong() >= 2,
        "the top pair shares several events: " + pairs.get(0));
  }

  @Test
  void dyadsListsBothOrdersOfEveryPairOfActorsOfEachInteraction() {
    Set<String> expected = new TreeSet<>();
    Query pairs = QueryRunner.parse(PREFIXES + """
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT DISTINCT ?e ?x ?y {
          ?e a ?c . ?c rdfs:subClassOf* ng:Interaction .
          ?e ng:participant ?x , ?y . FILTER (!sameTerm(?x, ?y))
        }""", "-e");
    Txn.executeRead(store.dataset(), () -> {
      try (var qe = org.apache.jena.query.QueryExecution.create().query(pairs)
          .dataset(store.dataset()).build()) {
        qe.execSelect().forEachRemaining(r -> expected.add(r.getResource("e").getURI() + " "
            + r.getResource("x").getURI() + " " + r.getResource("y").getURI()));
      }
    });
    assertTrue(expected.size() > 500, "the corpus has interactions: " + expected.size());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new QueryRunner(store.dataset()).run(QueryRunner.parse(QueryRunner.read(
        TestFiles.project().resolve("queries/dyads.rq")), "dyads"), Map.of(),
        QueryRunner.Format.TSV, out);
    List<String> rows = out.toString(StandardCharsets.UTF_8).lines().skip(1).toList();
    Set<String> got = new TreeSet<>();
    for (String row : rows) {
      String[] c = row.split("\t", -1);
      got.add(String.join(" ", c[1], c[4], c[6]).replaceAll("[<>]", ""));
    }
    assertEquals(rows.size(), got.size(), "one row per event and ordered pair");
    assertEquals(expected, got);
  }

  @Test
  void theDyadIsTheSameInEitherOrder() {
    var iris = new org.newsgraph.rdf.Iris("https://example.org/");
    String a = "https://example.org/entity/Q7747";
    String b = "https://example.org/entity/Q98497406";
    assertEquals(iris.dyad(a, b), iris.dyad(b, a));
    assertTrue(iris.dyad(a, b).startsWith("https://example.org/dyad/"));
    assertNotEquals(iris.dyad(a, b), iris.dyad(a, "https://example.org/entity/Q142"));
    assertThrows(IllegalArgumentException.class,
        () -> iris.dyad(a, a));
  }
}
