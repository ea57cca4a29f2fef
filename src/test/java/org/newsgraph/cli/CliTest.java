package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.TestFiles;

/** The command line, run in process with captured streams. */
class CliTest {

  @TempDir
  Path tmp;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void buildPrintsTheCallAndQueryFindsIt() {
    String store = tmp.resolve("store").toString();
    Result r = run("build", "--store", store, TestFiles.seed().toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Built 1 article(s)"), r.out());
    assertTrue(r.out().matches("(?s).*2023-09-10\\s+PhoneCall\\s+Vladimir Poutine – Assimi Goïta\\s+"
        + "\\(initiated by Assimi Goïta\\).*"), r.out());
    Result q = run("query", "--store", store, "--format", "csv", "-e",
        "PREFIX ng: <https://w3id.org/newsgraph/ontology#> SELECT ?d { ?e a ng:PhoneCall ; ng:date ?d }");
    assertEquals(0, q.code(), q.err());
    assertEquals("d\r\n2023-09-10\r\n", q.out());
  }

  @Test
  void parametersAreBoundAsTerms() {
    String store = tmp.resolve("store").toString();
    assertEquals(0, run("build", "--store", store, TestFiles.seed().toString()).code());
    String q = "PREFIX ng: <https://w3id.org/newsgraph/ontology#> PREFIX owl: <http://www.w3.org/2002/07/owl#> "
        + "SELECT (COUNT(?e) AS ?n) { ?e ng:initiator ?who . ?who owl:sameAs ?qid }";
    Result putin = run("query", "--store", store, "--format", "tsv", "-e", q, "--param", "qid=wd:Q7747");
    assertEquals(0, putin.code(), putin.err());
    assertTrue(putin.out().contains("\n1"), putin.out());
    Result injected = run("query", "--store", store, "--format", "tsv", "-e", q, "--param",
        "qid=wd:Q7747 } UNION { ?e ?p ?o");
    assertEquals(0, injected.code(), injected.err());
    assertTrue(injected.out().contains("\n0"), "a value is never spliced into the query: " + injected.out());
  }

  @Test
  void badInputIsReportedAndTheRestIsBuilt() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.copy(TestFiles.seed(), in.resolve("good.txt"));
    Files.writeString(in.resolve("empty.txt"), "");
    Files.writeString(in.resolve("nodate.txt"), "Pas d'en-tête ici.");
    Files.write(in.resolve("latin1.txt"), " date 2023-09\nd\u00e9j\u00e0".getBytes(StandardCharsets.ISO_8859_1));
    Files.writeString(in.resolve("feed.jsonl"), "{\"id\":\"j1\",\"date\":\"2023-09\",\"text\":\"Rien.\"}\n{oops\n");
    Result r = run("build", "--store", tmp.resolve("store").toString(), in.toString());
    assertEquals(1, r.code());
    for (String name : new String[] {"empty.txt:1", "nodate.txt:1", "latin1.txt:2", "feed.jsonl:2"}) {
      assertTrue(r.err().contains(name), name + " not reported: " + r.err());
    }
    assertTrue(r.out().contains("Built 2 article(s)"), r.out());
  }

  @Test
  void mapWritesRdfThatParses() {
    Path out = tmp.resolve("seed.trig");
    Result r = run("map", TestFiles.seed().toString(), "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    Dataset ds = RDFDataMgr.loadDataset(out.toString());
    // the article's graph and the reference graph of gazetteer facts
    assertEquals(2, ds.asDatasetGraph().stream().map(q -> q.getGraph()).distinct().count());
    for (String f : new String[] {"nq", "ttl", "nt", "jsonld", "rdfxml"}) {
      Path p = tmp.resolve("seed." + (f.equals("rdfxml") ? "rdf" : f));
      assertEquals(0, run("map", TestFiles.seed().toString(), "--format", f, "-o", p.toString()).code());
      assertTrue(RDFDataMgr.loadDataset(p.toString()).asDatasetGraph().stream().findAny().isPresent(), f);
    }
  }

  @Test
  void loadThenStats() {
    Path out = tmp.resolve("seed.nq");
    assertEquals(0, run("map", TestFiles.seed().toString(), "--format", "nq", "-o", out.toString()).code());
    String store = tmp.resolve("store").toString();
    Result l = run("load", "--store", store, out.toString());
    assertEquals(0, l.code(), l.err());
    Result s = run("stats", "--store", store);
    assertEquals(0, s.code(), s.err());
    assertTrue(s.out().matches("(?s).*articles\\s+1\\n.*PhoneCall\\s+1\\n.*"), s.out());
    // the seed's call pairs Putin and Goïta: at least one dyad
    assertTrue(s.out().matches("(?s).*\\n  dyads\\s+[1-9][0-9]*\\n.*"), s.out());
  }

  @Test
  void loadTakesAFolderOfShards() throws Exception {
    Path nq = tmp.resolve("seed.nq");
    assertEquals(0, run("map", TestFiles.seed().toString(), "--format", "nq", "-o", nq.toString()).code());
    java.util.List<String> lines = Files.readAllLines(nq, StandardCharsets.UTF_8);
    Path shards = Files.createDirectories(tmp.resolve("shards"));
    int half = lines.size() / 2;
    Files.write(shards.resolve("part-00000.nq"), lines.subList(0, half), StandardCharsets.UTF_8);
    try (java.io.Writer w = new java.io.OutputStreamWriter(new java.util.zip.GZIPOutputStream(
        Files.newOutputStream(shards.resolve("part-00001.nq.gz"))), StandardCharsets.UTF_8)) {
      for (String l : lines.subList(half, lines.size())) {
        w.write(l + "\n");
      }
    }
    Files.writeString(shards.resolve("_SUMMARY.txt"), "not RDF, skipped\n");
    Files.writeString(shards.resolve("_SUCCESS"), "");
    String store = tmp.resolve("store").toString();
    Result l = run("load", "--store", store, shards.toString());
    assertEquals(0, l.code(), l.err());
    assertTrue(l.out().contains("from 2 file(s)"), l.out());
    Result s = run("stats", "--store", store);
    assertTrue(s.out().matches("(?s).*articles\\s+1\\n.*PhoneCall\\s+1\\n.*"), s.out());
    Result q = run("query", "--store", store, "--format", "tsv", "-e",
        "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "
            + "'https://w3id.org/newsgraph/id/graph/article/')) }");
    long inArticleGraph = lines.stream().filter(x -> x.contains("/graph/article/")).count();
    assertTrue(q.out().contains("\n" + inArticleGraph), inArticleGraph + " expected: " + q.out());

    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Result e = run("load", "--store", tmp.resolve("store2").toString(), empty.toString());
    assertEquals(1, e.code());
    assertTrue(e.err().contains("no RDF file in this folder"), e.err());
  }

  @Test
  void aQueryOverItsTimeLimitSaysSo() {
    String store = tmp.resolve("store").toString();
    assertEquals(0, run("build", "--store", store, TestFiles.seed().toString()).code());
    // a count over the cube of the store's triples: its only result comes long after 1 s
    Result r = run("query", "--store", store, "--timeout", "1", "-e",
        "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("stopped after its time limit of 1 s (--timeout)"), r.err());
  }

  @Test
  void aQueryThatArqAloneWouldNotStopStopsAtItsTimeLimit() {
    String store = tmp.resolve("store-runaway").toString();
    assertEquals(0, run("build", "--store", store, TestFiles.seed().toString()).code());
    // without being cancelled again past its limit, this query runs on long past it
    Result r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(30),
        () -> run("query", "--store", store, "--timeout", "1", "-e", TestFiles.RUNAWAY_QUERY));
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("stopped after its time limit of 1 s (--timeout)"), r.err());
  }

  @Test
  void usageErrorsExitWith2() {
    assertEquals(2, run("build", "--batch").code());
    assertEquals(2, run("frobnicate").code());
    assertEquals(2, run("query", "--store", tmp.resolve("s").toString(), "-e", "SELECT nonsense").code());
    assertEquals(2, run("map", "--format", "docx", TestFiles.seed().toString()).code());
    assertEquals(2, run().code());
  }

  @Test
  void helpEverywhere() {
    for (String cmd : new String[] {"build", "map", "load", "query", "stats"}) {
      Result r = run(cmd, "--help");
      assertEquals(0, r.code());
      assertTrue(r.out().contains("Usage: newsgraph " + cmd), r.out());
    }
  }
}
