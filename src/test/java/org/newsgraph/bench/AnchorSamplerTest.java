package org.newsgraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Main;
import org.newsgraph.store.GraphStore;

/**
 * The anchors the benchmark draws: each candidate query lists what the store holds, with the
 * number of events the anchored query then finds for it, and the draws follow their rules.
 */
class AnchorSamplerTest {

  @TempDir
  static Path dir;

  static GraphStore store;

  @BeforeAll
  static void buildStore() {
    Path corpus = dir.resolve("corpus.jsonl");
    run("generate", "--articles", "300", "--seed", "5", "-o", corpus.toString());
    run("build", "--store", dir.resolve("store").toString(), corpus.toString());
    store = GraphStore.open(dir.resolve("store"));
  }

  @AfterAll
  static void close() {
    if (store != null) {
      store.close();
    }
  }

  private static void run(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
  }

  /** The distinct values of {@code column} in the answer of the named query for the anchor. */
  private static Set<Node> answer(Dataset ds, String queryName, String column,
      AnchorSampler.Anchor a) throws Exception {
    return answerOf(ds, QueryFiles.all().get(queryName), column, a);
  }

  /** The distinct values of {@code column} in the answer of the query text for the anchor. */
  private static Set<Node> answerOf(Dataset ds, String text, String column,
      AnchorSampler.Anchor a) {
    Query q = QueryFactory.create(text);
    return Txn.calculateRead(ds, () -> {
      Set<Node> out = new HashSet<>();
      try (QueryExecution qe = QueryExecution.create().query(q).dataset(ds)
          .substitution(a.binding()).build()) {
        ResultSet rs = qe.execSelect();
        while (rs.hasNext()) {
          out.add(rs.next().get(column).asNode());
        }
      }
      return out;
    });
  }

  /** The column holding the event in the answer of each sampled question. */
  private static final Map<String, String> EVENT_COLUMN = Map.of("actor-events", "event",
      "dyad-events", "event", "attacks", "attack", "calls-in-month", "call");

  @Test
  void everyCandidateHasAsManyEventsAsItsQueryFinds() throws Exception {
    Dataset ds = store.dataset();
    for (String name : Benchmark.SAMPLED) {
      List<AnchorSampler.Anchor> candidates = AnchorSampler.candidates(ds, name, 60);
      assertTrue(candidates.size() >= 3, name + ": " + candidates);
      for (AnchorSampler.Anchor a : candidates) {
        assertTrue(a.events() > 0, name + " " + a.label());
        assertEquals(a.events(), answer(ds, name, EVENT_COLUMN.get(name), a).size(),
            name + " " + a.label());
      }
    }
  }

  @Test
  void theLookUpsAloneFindTheSameEventsAsTheirQuery() throws Exception {
    Dataset ds = store.dataset();
    for (String name : Benchmark.SAMPLED) {
      String lookups = QueryFiles.lookups(name);
      assertTrue(lookups != null, name + " has no look-ups query");
      for (AnchorSampler.Anchor a : AnchorSampler.candidates(ds, name, 60)) {
        Set<Node> events = answer(ds, name, EVENT_COLUMN.get(name), a);
        assertFalse(events.isEmpty(), name + " " + a.label());
        assertEquals(events, answerOf(ds, lookups, EVENT_COLUMN.get(name), a), name + " " + a.label());
      }
    }
    assertNull(QueryFiles.lookups("evidence"));
  }

  @Test
  void anchorsAreSortedAndWrittenAsUsersGiveThem() {
    List<AnchorSampler.Anchor> actors = AnchorSampler.candidates(store.dataset(), "actor-events", 60);
    List<String> labels = actors.stream().map(AnchorSampler.Anchor::label).toList();
    assertEquals(labels.stream().sorted().toList(), labels);
    assertTrue(labels.stream().allMatch(l -> l.matches("qid=wd:Q[0-9]+")), labels.toString());
    List<AnchorSampler.Anchor> months = AnchorSampler.candidates(store.dataset(), "calls-in-month", 60);
    assertTrue(months.stream().allMatch(m -> m.label().matches("month=\"[0-9]{4}-[0-9]{2}\"")),
        months.toString());
    assertTrue(AnchorSampler.candidates(store.dataset(), "status", 60).isEmpty());
  }

  private static AnchorSampler.Anchor anchor(String q, long events) {
    return new AnchorSampler.Anchor(
        Map.of("qid", NodeFactory.createURI("http://www.wikidata.org/entity/" + q)), events);
  }

  @Test
  void uniformDrawsAreDistinctAndRepeatable() {
    List<AnchorSampler.Anchor> all = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      all.add(anchor("Q" + i, i + 1));
    }
    List<AnchorSampler.Anchor> a = AnchorSampler.draw(all, 10, AnchorSampler.Draw.UNIFORM, new Random(3));
    assertEquals(10, a.size());
    assertEquals(10, new HashSet<>(a).size());
    assertEquals(a, AnchorSampler.draw(all, 10, AnchorSampler.Draw.UNIFORM, new Random(3)));
    assertFalse(a.equals(all.subList(0, 10)), "not a shuffle");
    // asking for more than there are gives each once
    assertEquals(new HashSet<>(all),
        new HashSet<>(AnchorSampler.draw(all, 100, AnchorSampler.Draw.UNIFORM, new Random(3))));
  }

  @Test
  void weightedDrawsFollowTheEvents() {
    List<AnchorSampler.Anchor> all = List.of(anchor("Q1", 0), anchor("Q2", 10), anchor("Q3", 990));
    List<AnchorSampler.Anchor> a = AnchorSampler.draw(all, 2000, AnchorSampler.Draw.WEIGHTED, new Random(9));
    assertEquals(2000, a.size());
    long busy = a.stream().filter(x -> x.events() == 990).count();
    long quiet = a.stream().filter(x -> x.events() == 10).count();
    assertEquals(0, a.stream().filter(x -> x.events() == 0).count());
    assertTrue(busy > 1900 && quiet > 5, busy + " / " + quiet);
  }

  @Test
  void leastSquaresGivesTheLine() {
    double[] line = Benchmark.leastSquares(List.of(new double[] {0, 1}, new double[] {10, 21},
        new double[] {5, 11}));
    assertEquals(1.0, line[0], 1e-9);
    assertEquals(2.0, line[1], 1e-9);
    assertNull(Benchmark.leastSquares(List.of(new double[] {3, 1}, new double[] {3, 2})));
  }
}
