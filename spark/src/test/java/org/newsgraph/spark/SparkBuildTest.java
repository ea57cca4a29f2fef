package org.newsgraph.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.Pipeline;
import org.newsgraph.article.ArticleReader;
import org.newsgraph.article.Diagnostic;
import org.newsgraph.bench.CorpusFiles;
import org.newsgraph.bench.CorpusGenerator;
import org.newsgraph.kb.Gazetteer;
import org.newsgraph.rdf.NG;
import org.newsgraph.store.GraphStore;

/**
 * The Spark job in local mode against the mapping of the main project: the same quads for the
 * same input, the same problems at the same places, and shards that 'newsgraph load' turns into a
 * store answering SPARQL.
 */
class SparkBuildTest {

  private static final String ARTICLE_GRAPH = NG.DEFAULT_BASE + "graph/article/";

  @TempDir
  Path tmp;

  record Run(int code, String out, String err) {}

  static Run spark(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = SparkBuild.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    System.out.print(out.toString(StandardCharsets.UTF_8)); // in the test's report
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * A folder with a generated corpus split over two JSON Lines files, bad lines among them, and
   * two text articles (one without its date header).
   */
  private Path corpus() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("corpus"));
    CorpusFiles.write(Gazetteer.bundled(), 7, 60, in.resolve("a.jsonl"), null);
    CorpusGenerator g = new CorpusGenerator(Gazetteer.bundled(), 7);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int i = 60; i < 100; i++) {
      b.writeBytes(g.article(i).toJson().getBytes(StandardCharsets.UTF_8));
      b.writeBytes((i == 61 ? "\r\n" : "\n").getBytes(StandardCharsets.UTF_8));
      switch (i) {
        case 62 -> b.writeBytes("{oops\n".getBytes(StandardCharsets.UTF_8));
        case 70 -> b.writeBytes("{\"id\":\"no-text\",\"date\":\"2024-01-02\"}\n".getBytes(StandardCharsets.UTF_8));
        case 75 -> b.writeBytes(new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xE9, '"', '}', '\n'});
        case 80 -> b.writeBytes("\n   \n".getBytes(StandardCharsets.UTF_8));
        case 85 -> b.writeBytes(("{\"id\":\"undated\",\"text\":\"Emmanuel Macron a appelé Joe Biden "
            + "mardi.\"}\n").getBytes(StandardCharsets.UTF_8));
        case 90 -> b.writeBytes("{\"id\":\"bad id!\",\"text\":\"Rien.\"}\n".getBytes(StandardCharsets.UTF_8));
        default -> { }
      }
    }
    Files.createDirectories(in.resolve("more"));
    Files.write(in.resolve("more/b.jsonl"), b.toByteArray());
    Files.writeString(in.resolve("more/call.txt"), " date 2023-09-12\nVladimir Poutine s'est "
        + "entretenu au téléphone avec Assimi Goïta dimanche.\n", StandardCharsets.UTF_8);
    Files.writeString(in.resolve("more/nodate.txt"), "Pas d'en-tête ici.\n", StandardCharsets.UTF_8);
    return in;
  }

  /** What the main project makes of the same input: the quads, articles and problems. */
  record Local(Set<Quad> quads, Set<String> articles, List<String> problems) {}

  private static Local local(Path in) {
    Pipeline p = Pipeline.builder().build();
    Set<Quad> quads = new HashSet<>();
    Set<String> articles = new HashSet<>();
    List<String> problems = new ArrayList<>();
    new ArticleReader().read(List.of(in), ArticleReader.Listener.of(a -> {
      quads.addAll(p.quads(p.extract(a)));
      articles.add(a.id());
    }, d -> problems.add(d.toString())));
    return new Local(quads, articles, problems);
  }

  private static Set<Quad> shardQuads(Path dir, Map<Node, Set<String>> shardsOfGraph) throws IOException {
    Set<Quad> quads = new HashSet<>();
    List<Path> shards;
    try (Stream<Path> s = Files.list(dir)) {
      shards = s.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList();
    }
    for (Path f : shards) {
      String name = f.getFileName().toString();
      try (InputStream in = name.endsWith(".gz")
          ? new GZIPInputStream(Files.newInputStream(f)) : Files.newInputStream(f)) {
        RDFParser.source(in).lang(Lang.NQUADS).parse(new StreamRDFBase() {
          @Override
          public void quad(Quad q) {
            quads.add(q);
            shardsOfGraph.computeIfAbsent(q.getGraph(), k -> new TreeSet<>()).add(name);
          }
        });
      }
    }
    return quads;
  }

  private static long count(GraphStore store, String sparql) {
    return Txn.calculateRead(store.datasetGraph(), () -> {
      try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(sparql).build()) {
        return qe.execSelect().next().getLiteral("n").getLong();
      }
    });
  }

  @Test
  void shardsHoldTheQuadsOfTheLocalMappingAndLoadIntoAStore() throws Exception {
    Path in = corpus();
    long t0 = System.nanoTime();
    Local expected = local(in);
    System.out.printf("mapped locally in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    assertEquals(102, expected.articles().size(), "articles the main project reads: " + expected.articles());
    assertEquals(7, expected.problems().size(), String.join("\n", expected.problems()));

    Path out = tmp.resolve("shards");
    Run r = spark("--master", "local[2]", "--partitions", "3", "-o", out.toString(),
        "--max-problems", "1000", in.toString());
    assertEquals(1, r.code(), "bad lines are reported with exit code 1, the job goes on: " + r.err());
    assertTrue(r.out().contains("Mapped 102 article(s) from 4 file(s) into 3 shard(s)"), r.out());

    // the same quads, each article graph in one shard
    Map<Node, Set<String>> shardsOfGraph = new HashMap<>();
    Set<Quad> actual = shardQuads(out, shardsOfGraph);
    Set<Quad> missing = new HashSet<>(expected.quads());
    missing.removeAll(actual);
    Set<Quad> extra = new HashSet<>(actual);
    extra.removeAll(expected.quads());
    assertTrue(missing.isEmpty() && extra.isEmpty(), missing.size() + " quad(s) missing, such as "
        + missing.stream().findFirst() + "; " + extra.size() + " extra, such as " + extra.stream().findFirst());
    assertEquals(expected.quads(), actual);
    long articleGraphs = 0;
    for (Map.Entry<Node, Set<String>> e : shardsOfGraph.entrySet()) {
      if (e.getKey().getURI().startsWith(ARTICLE_GRAPH)) {
        articleGraphs++;
        assertEquals(1, e.getValue().size(), e.getKey() + " is split over " + e.getValue());
      }
    }
    assertEquals(102, articleGraphs);
    assertEquals(Set.of("part-00000.nq", "part-00001.nq", "part-00002.nq"),
        new TreeSet<>(shardsOfGraph.values().stream().flatMap(Set::stream).toList()));
    assertFalse(Files.exists(out.resolve(SparkBuild.TEMPORARY)), "no temporary files left");
    assertTrue(Files.exists(out.resolve("_SUCCESS")));

    // the same problems, at the same places (file:line), printed and in the summary
    Set<String> printed = new TreeSet<>(r.err().lines()
        .filter(l -> l.contains(": error: ") || l.contains(": warning: ")).toList());
    assertEquals(new TreeSet<>(expected.problems()), printed);
    String in2 = in.resolve("more/b.jsonl").toString();
    assertTrue(printed.stream().anyMatch(l -> l.startsWith(in2 + ":4: error: malformed JSON")),
        printed.toString());
    String summary = Files.readString(out.resolve(SparkBuild.SUMMARY));
    assertTrue(summary.contains("articles: 102\n"), summary);
    assertTrue(summary.contains("errors: 5\n") && summary.contains("warnings: 2\n"), summary);
    for (String p : expected.problems()) {
      assertTrue(summary.contains(p + "\n"), p + " not in the summary:\n" + summary);
    }
    long written = Long.parseLong(summary.replaceAll("(?s).*\\nquads: (\\d+)\\n.*", "$1"));
    long lines = 0;
    try (Stream<Path> s = Files.list(out)) {
      for (Path f : s.filter(f -> f.getFileName().toString().endsWith(".nq")).toList()) {
        try (Stream<String> ls = Files.lines(f)) {
          lines += ls.count();
        }
      }
    }
    assertEquals(written, lines, "the summary counts the quads written");

    // 'newsgraph load' on the folder of shards gives a store that answers for every article
    Path storeDir = tmp.resolve("store");
    ByteArrayOutputStream loadOut = new ByteArrayOutputStream();
    int code = org.newsgraph.cli.Main.run(new String[] {"load", "--store", storeDir.toString(),
        out.toString()}, new PrintStream(loadOut, true, StandardCharsets.UTF_8),
        new PrintStream(loadOut, true, StandardCharsets.UTF_8));
    assertEquals(0, code, loadOut.toString(StandardCharsets.UTF_8));
    long phoneCalls = expected.quads().stream()
        .filter(q -> q.getGraph().getURI().startsWith(ARTICLE_GRAPH)
            && q.getPredicate().getURI().equals(org.apache.jena.vocabulary.RDF.type.getURI())
            && q.getObject().isURI() && q.getObject().getURI().equals(NG.NS + "PhoneCall"))
        .map(Quad::getSubject).distinct().count();
    assertTrue(phoneCalls > 10, "the corpus states calls: " + phoneCalls);
    try (GraphStore store = GraphStore.open(storeDir)) {
      assertEquals(102, count(store, "PREFIX schema: <" + NG.SCHEMA + "> SELECT (COUNT(DISTINCT ?g) AS ?n) "
          + "{ GRAPH ?g { ?a a schema:NewsArticle } }"));
      assertEquals(phoneCalls, count(store, "PREFIX ng: <" + NG.NS + "> SELECT (COUNT(DISTINCT ?e) AS ?n) "
          + "{ GRAPH ?g { ?e a ng:PhoneCall } FILTER(STRSTARTS(STR(?g), '" + ARTICLE_GRAPH + "')) }"));
    }
  }

  @Test
  void gzipShardsDuplicateIdsAndAnExistingOutput() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    CorpusFiles.write(Gazetteer.bundled(), 3, 12, in.resolve("x.jsonl"), null);
    Files.copy(in.resolve("x.jsonl"), in.resolve("y.jsonl"));
    Path out = tmp.resolve("gz");
    Run r = spark("--master", "local[2]", "--gzip", "-o", out.toString(), in.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Mapped 24 article(s) from 2 file(s)"), r.out());
    assertTrue(r.out().contains("12 article id(s) were read more than once"), r.out());
    Local expected = local(in.resolve("x.jsonl"));
    Set<Quad> actual = shardQuads(out, new HashMap<>());
    // the same articles from two files: the same quads but for their ng:sourceFile
    Set<Quad> withoutSource = new HashSet<>();
    for (Quad q : actual) {
      if (!q.getPredicate().equals(NG.sourceFile)) {
        withoutSource.add(q);
      }
    }
    Set<Quad> expectedWithoutSource = new HashSet<>();
    expected.quads().stream().filter(q -> !q.getPredicate().equals(NG.sourceFile))
        .forEach(expectedWithoutSource::add);
    assertEquals(expectedWithoutSource, withoutSource);
    try (Stream<Path> s = Files.list(out)) {
      assertTrue(s.anyMatch(f -> f.getFileName().toString().matches("part-\\d{5}\\.nq\\.gz")));
    }

    Run again = spark("--master", "local[2]", "-o", out.toString(), in.toString());
    assertEquals(2, again.code(), again.err());
    assertTrue(again.err().contains("exists"), again.err());
    Run none = spark("--master", "local[2]", "-o", tmp.resolve("none").toString(),
        tmp.resolve("nowhere").toString());
    assertEquals(2, none.code(), none.err());
    assertTrue(none.err().contains("no such file or folder"), none.err());
  }
}
