package org.newsgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.Pipeline;
import org.newsgraph.TestFiles;
import org.newsgraph.article.ArticleReader;

class GraphStoreTest {

  @TempDir
  Path tmp;

  private final Pipeline pipeline = Pipeline.builder().build();

  private static final String CALL_A = " date 2022-02\n\nEmmanuel Macron s'est entretenu au téléphone avec "
      + "Volodymyr Zelensky samedi 19 février, a indiqué l'Elysée.";
  private static final String CALL_B = " date 2022-02\n\nLe président ukrainien Volodymyr Zelensky a eu "
      + "un entretien téléphonique avec Emmanuel Macron samedi 19 février.";

  private ArticleLoader.Report build(GraphStore store, Path... paths) {
    return new ArticleLoader(pipeline, store, 100, s -> { }).load(List.of(paths),
        ArticleReader.DEFAULT_MAX_BYTES);
  }

  private long count(GraphStore store, String sparql) {
    String q = "PREFIX ng: <https://w3id.org/newsgraph/ontology#>\n" + sparql;
    return Txn.calculateRead(store.dataset(), () -> {
      try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(q).build()) {
        return qe.execSelect().next().getLiteral("n").getLong();
      }
    });
  }

  @Test
  void buildingTwiceGivesTheSameStore() throws IOException {
    try (GraphStore store = GraphStore.open(tmp.resolve("s"))) {
      try (InputStream in = Files.newInputStream(TestFiles.ontology())) {
        store.putOntology(in);
      }
      build(store, TestFiles.seed());
      long once = store.size();
      build(store, TestFiles.seed());
      assertEquals(once, store.size());
      try (InputStream in = Files.newInputStream(TestFiles.ontology())) {
        store.putOntology(in);
      }
      assertEquals(once, store.size());
    }
  }

  @Test
  void theSameCallFromTwoArticlesIsOneEventWithEvidenceFromEach() throws IOException {
    Path a = Files.writeString(tmp.resolve("a.txt"), CALL_A);
    Path b = Files.writeString(tmp.resolve("b.txt"), CALL_B);
    try (GraphStore store = GraphStore.open(tmp.resolve("s"))) {
      build(store, a, b);
      assertEquals(1, count(store, "SELECT (COUNT(DISTINCT ?e) AS ?n) { ?e a ng:PhoneCall }"));
      assertEquals(2, count(store, "SELECT (COUNT(DISTINCT ?a) AS ?n) { ?e a ng:PhoneCall ; ng:evidence/ng:article ?a }"));
      // rebuilding one article leaves the other's evidence intact
      build(store, b);
      assertEquals(2, count(store, "SELECT (COUNT(DISTINCT ?a) AS ?n) { ?e a ng:PhoneCall ; ng:evidence/ng:article ?a }"));
      // removing one article keeps the event, with the other's evidence
      store.removeGraphs(List.of(NodeFactory.createURI(pipeline.iris().articleGraph("a"))));
      assertEquals(1, count(store, "SELECT (COUNT(DISTINCT ?e) AS ?n) { ?e a ng:PhoneCall }"));
      assertEquals(1, count(store, "SELECT (COUNT(DISTINCT ?a) AS ?n) { ?e a ng:PhoneCall ; ng:evidence/ng:article ?a }"));
    }
  }

  @Test
  void replacingAnArticleDropsWhatItNoLongerSays() throws IOException {
    Path a = tmp.resolve("a.txt");
    Files.writeString(a, CALL_A);
    try (GraphStore store = GraphStore.open(tmp.resolve("s"))) {
      build(store, a);
      assertEquals(1, count(store, "SELECT (COUNT(*) AS ?n) { ?e a ng:PhoneCall }"));
      Files.writeString(a, " date 2022-02\n\nRien de neuf ce samedi.");
      build(store, a);
      assertEquals(0, count(store, "SELECT (COUNT(*) AS ?n) { ?e a ng:PhoneCall }"));
      assertEquals(1, count(store, "PREFIX schema: <https://schema.org/> SELECT (COUNT(*) AS ?n) { ?a a schema:NewsArticle }"));
    }
  }

  @Test
  void theOntologyGraphLetsQueriesFollowSubclasses() throws IOException {
    Path a = Files.writeString(tmp.resolve("a.txt"), CALL_A);
    try (GraphStore store = GraphStore.open(tmp.resolve("s"))) {
      try (InputStream in = Files.newInputStream(TestFiles.ontology())) {
        store.putOntology(in);
      }
      build(store, a);
      assertEquals(1, count(store, "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
          + "SELECT (COUNT(*) AS ?n) { ?e a/rdfs:subClassOf* ng:Interaction }"));
    }
  }

  @Test
  void aStoreInUseByAnotherProcessGivesAClearError() throws Exception {
    Path dir = tmp.resolve("locked");
    try (GraphStore store = GraphStore.open(dir)) {
      store.size();
      // A second process, the real command line, while this one holds the store.
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), "org.newsgraph.cli.Main", "stats", "--store",
          dir.toString()).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
      assertEquals(1, p.exitValue(), output);
      assertTrue(output.contains("cannot open the store in " + dir), output);
    }
  }
}
