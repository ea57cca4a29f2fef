package org.newsgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsgraph.Pipeline;
import org.newsgraph.TestFiles;
import org.newsgraph.article.ArticleReader;
import org.newsgraph.store.ArticleLoader;
import org.newsgraph.store.GraphStore;

/** Every query of queries/ parses, documents itself and runs on the seed's store. */
class QueriesTest {

  static Path dir;
  static GraphStore store;

  @BeforeAll
  static void build() throws IOException {
    dir = Files.createTempDirectory("newsgraph-queries");
    store = GraphStore.open(dir.resolve("store"));
    try (InputStream in = Files.newInputStream(TestFiles.ontology())) {
      store.putOntology(in);
    }
    load(store, TestFiles.seed());
  }

  private static void load(GraphStore s, Path article) throws IOException {
    new ArticleLoader(Pipeline.builder().build(), s, 10, x -> { })
        .load(List.of(article), ArticleReader.DEFAULT_MAX_BYTES);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  static Stream<Path> queries() throws IOException {
    try (Stream<Path> s = Files.list(TestFiles.project().resolve("queries"))) {
      return s.filter(p -> p.toString().endsWith(".rq")).sorted().toList().stream();
    }
  }

  static String run(Query q, Map<String, Node> params) {
    return run(store, q, params);
  }

  static String run(GraphStore s, Query q, Map<String, Node> params) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new QueryRunner(s.dataset()).run(q, params, QueryRunner.Format.CSV, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @MethodSource("queries")
  void parsesIsDocumentedAndRuns(Path file) {
    String text = QueryRunner.read(file);
    assertTrue(text.startsWith("#"), file + " must open with a header comment");
    Query q = QueryRunner.parse(text, file.toString());
    if (text.contains("SERVICE")) {
      return; // federated queries need an endpoint; their own test runs them against a fixture
    }
    String csv = run(q, Map.of());
    assertFalse(csv.isBlank(), file.toString());
  }

  @Test
  void callsListsTheSeedCall() {
    Query q = QueryRunner.parse(QueryRunner.read(TestFiles.project().resolve("queries/calls.rq")), "calls");
    String csv = run(q, Map.of());
    assertEquals(2, csv.lines().count(), csv);
    assertTrue(csv.contains("2023-09-10"), csv);
  }

  @Test
  void actorEventsBindsAWikidataIri() {
    Path file = TestFiles.project().resolve("queries/actor-events.rq");
    Query q = QueryRunner.parse(QueryRunner.read(file), "actor-events");
    Map<String, Node> params = QueryRunner.parseParams(List.of("qid=wd:Q7747"), QueryRunner.prefixes(q));
    String csv = run(q, params);
    assertTrue(csv.lines().count() > 1, csv);
    assertTrue(csv.contains("PhoneCall"), csv);
  }

  static String runFile(String name, String... params) {
    Query q = QueryRunner.parse(QueryRunner.read(TestFiles.project().resolve("queries/" + name + ".rq")), name);
    return run(q, QueryRunner.parseParams(List.of(params), QueryRunner.prefixes(q)));
  }

  @Test
  void actorEventsGivesRoleAndCounterparts() {
    String csv = runFile("actor-events", "qid=wd:Q7747");
    String call = csv.lines().filter(l -> l.contains("#PhoneCall")).findFirst().orElseThrow();
    // Goïta called Putin: Putin is the target, Goïta the only counterpart (Putin is not his own)
    assertTrue(call.endsWith(",Vladimir Poutine,target,Assimi Goïta"), csv);
    assertEquals(csv, runFile("actor-events", "actor=<https://w3id.org/newsgraph/id/entity/Q7747>"));
    assertEquals(1, runFile("actor-events", "qid=wd:Q7747", "actor=<https://w3id.org/newsgraph/id/entity/Q1>")
        .lines().count(), "an actor and a QID that do not match give no rows");
  }

  @Test
  void callsInMonthListsTheMonthsCallsOnly() {
    String csv = runFile("calls-in-month", "month=\"2023-09\"");
    assertEquals(2, csv.lines().count(), csv);
    assertTrue(csv.contains(",Assimi Goïta,000_5855b7373af62ab9"), csv);
    assertTrue(csv.contains("Vladimir Poutine; Assimi Goïta") || csv.contains("Assimi Goïta; Vladimir Poutine"), csv);
    assertEquals(csv, runFile("calls-in-month", "month=\"2023-09\"^^xsd:gYearMonth"));
    assertEquals(1, runFile("calls-in-month", "month=\"2023-10\"").lines().count());
  }

  @Test
  void callsInMonthNamesEveryInteractionClassOfTheOntology() {
    String text = QueryRunner.read(TestFiles.project().resolve("queries/calls-in-month.rq"));
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\?class IN \\(([^)]*)\\)").matcher(text);
    assertTrue(m.find(), "calls-in-month.rq lists the interaction classes in a FILTER IN");
    java.util.Set<String> listed = new java.util.TreeSet<>();
    for (String c : m.group(1).split(",")) {
      listed.add(c.trim().replace("ng:", "https://w3id.org/newsgraph/ontology#"));
    }
    String csv = run(QueryRunner.parse("PREFIX ng: <https://w3id.org/newsgraph/ontology#>\n"
        + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        + "SELECT ?c { ?c rdfs:subClassOf* ng:Interaction }", "-e"), Map.of());
    java.util.Set<String> inOntology = new java.util.TreeSet<>(csv.lines().skip(1).toList());
    assertEquals(inOntology, listed, "the classes listed in calls-in-month.rq and the ontology's");
  }

  /**
   * The attack's own facts (status, date, tolls) come out with each attack at a place; and the
   * country is found by its Wikidata IRI although the article names only a town in it (the
   * mapper writes the reference facts of a place's country).
   */
  @Test
  void attacksCarryTheirDateStatusAndTolls(@TempDir Path tmp) throws IOException {
    try (GraphStore s = GraphStore.open(tmp.resolve("store"))) {
      load(s, TestFiles.project()
          .resolve("src/test/resources/golden/attack-casualties-minimum-civilians/article.txt"));
      Query q = QueryRunner.parse(QueryRunner.read(TestFiles.project().resolve("queries/attacks.rq")), "attacks");
      List<String> lines = run(s, q, QueryRunner.parseParams(List.of("place=wd:Q912"), QueryRunner.prefixes(q)))
          .lines().toList();
      assertEquals(2, lines.size(), String.join("\n", lines));
      List<String> header = List.of(lines.get(0).split(","));
      String[] row = lines.get(1).split(",", -1);
      assertEquals("2024-06-03", row[header.indexOf("date")], lines.get(1));
      assertEquals("https://w3id.org/newsgraph/ontology#Occurred", row[header.indexOf("status")], lines.get(1));
      assertEquals("12", row[header.indexOf("deathToll")], lines.get(1));
      assertEquals("8", row[header.indexOf("civilianDeaths")], lines.get(1));
      assertEquals("", row[header.indexOf("militaryDeaths")], lines.get(1));
      assertEquals("true", row[header.indexOf("atLeast")], lines.get(1));
    }
  }

  @Test
  void attacksAtAPlaceIncludeThoseInItsCities() {
    String all = runFile("attacks");
    String mali = runFile("attacks", "place=wd:Q912");
    assertTrue(mali.contains(",Bamba,") && mali.contains(",terroristes,"), mali);
    assertEquals(all, mali, "the seed's only attack is in Mali");
    assertEquals(1, runFile("attacks", "place=wd:Q142").lines().count(), "no attack in France");
    String ontology = run(QueryRunner.parse("PREFIX ng: <https://w3id.org/newsgraph/ontology#>\n"
        + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        + "SELECT ?c { ?c rdfs:subClassOf+ ng:Attack }", "-e"), Map.of());
    assertEquals(1, ontology.lines().count(), "attacks.rq reads ng:Attack alone: " + ontology);
  }

  @Test
  void dyadEventsListsWhatHappenedBetweenTwoActors() {
    String ab = runFile("dyad-events", "a=wd:Q7747", "b=wd:Q98497406");
    String call = ab.lines().filter(l -> l.contains("#PhoneCall")).findFirst().orElseThrow();
    assertTrue(call.endsWith(",b,000_5855b7373af62ab9"), "Goïta (b) called Putin: " + ab);
    String ba = runFile("dyad-events", "a=wd:Q98497406", "b=<https://w3id.org/newsgraph/id/entity/Q7747>");
    assertEquals(ab.lines().count(), ba.lines().count(), ba);
    assertTrue(ba.contains("#PhoneCall,https://w3id.org/newsgraph/ontology#Occurred,a,"), ba);
    assertEquals(1, runFile("dyad-events", "a=wd:Q7747").lines().count(), "one actor alone gives nothing");
    assertEquals(1, runFile("dyad-events", "a=wd:Q7747", "b=wd:Q7747").lines().count(),
        "an actor with itself gives nothing");
  }

  @Test
  void unknownParametersAreRefused() {
    Query q = QueryRunner.parse("SELECT ?x { ?x ?p ?o }", "-e");
    assertThrows(IllegalArgumentException.class,
        () -> run(q, QueryRunner.parseParams(List.of("nope=1"), QueryRunner.prefixes(q))));
  }
}
