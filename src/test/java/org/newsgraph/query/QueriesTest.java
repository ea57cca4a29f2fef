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
    new ArticleLoader(Pipeline.builder().build(), store, 10, s -> { })
        .load(List.of(TestFiles.seed()), ArticleReader.DEFAULT_MAX_BYTES);
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
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new QueryRunner(store.dataset()).run(q, params, QueryRunner.Format.CSV, out);
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

  @Test
  void unknownParametersAreRefused() {
    Query q = QueryRunner.parse("SELECT ?x { ?x ?p ?o }", "-e");
    assertThrows(IllegalArgumentException.class,
        () -> run(q, QueryRunner.parseParams(List.of("nope=1"), QueryRunner.prefixes(q))));
  }
}
