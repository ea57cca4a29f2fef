package org.newsgraph.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.GuardedExtractor;
import org.newsgraph.Pipeline;
import org.newsgraph.TestFiles;
import org.newsgraph.article.Article;
import org.newsgraph.article.ArticleReader;
import org.newsgraph.article.Diagnostic;
import org.newsgraph.rdf.NG;
import org.newsgraph.store.ArticleLoader;
import org.newsgraph.store.GraphStore;

/**
 * The nasty inputs of {@code src/test/resources/nasty/} (files named {@code ok-*} must be read,
 * {@code bad-*} refused; {@code expected-jsonl.tsv} gives the fate of each line of
 * {@code mixed.jsonl}) and generated monsters (random bytes, a 10 MB article, a 50 MB JSON line,
 * JSON nested 100,000 deep): the reader never throws nor hangs, a refused input gets its own
 * error, extraction is stopped by the per-article time limit, memory stays bounded.
 */
class HostileInputTest {

  @TempDir
  static Path tmp;

  static Pipeline pipeline;

  static Path nasty() {
    return TestFiles.project().resolve("src/test/resources/nasty");
  }

  @BeforeAll
  static void init() {
    pipeline = Pipeline.builder().build();
  }

  record Read(List<Article> articles, List<Diagnostic> problems) {
    List<Diagnostic> errors() {
      return problems.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
    }
  }

  static Read read(Path p, int maxBytes) {
    List<Article> articles = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> new ArticleReader(maxBytes).read(List.of(p), ArticleReader.Listener.of(articles::add, problems::add)),
        () -> "reading " + p.getFileName() + " hangs");
    return new Read(articles, problems);
  }

  static List<Path> nastyFiles(String prefix) throws Exception {
    try (Stream<Path> s = Files.list(nasty())) {
      return s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
    }
  }

  @Test
  void everyOkFileGivesOneArticleAndEveryBadFileOneError() throws Exception {
    List<Path> ok = nastyFiles("ok-");
    List<Path> bad = nastyFiles("bad-");
    assertTrue(ok.size() >= 10 && bad.size() >= 10, ok + " " + bad);
    for (Path p : ok) {
      Read r = read(p, ArticleReader.DEFAULT_MAX_BYTES);
      assertEquals(List.of(), r.errors(), p.getFileName().toString());
      assertEquals(1, r.articles().size(), p.getFileName().toString());
    }
    for (Path p : bad) {
      if (p.toString().endsWith(".jsonl")) {
        continue;
      }
      Read r = read(p, ArticleReader.DEFAULT_MAX_BYTES);
      assertEquals(0, r.articles().size(), p.getFileName() + " was read: " + r.articles());
      assertEquals(1, r.errors().size(), p.getFileName() + ": " + r.problems());
      assertTrue(r.errors().get(0).file().endsWith(p.getFileName().toString()), r.errors().toString());
    }
  }

  @Test
  void eachJsonLineHasItsOwnFate() throws Exception {
    Read r = read(nasty().resolve("mixed.jsonl"), ArticleReader.DEFAULT_MAX_BYTES);
    Map<Long, String> fate = new TreeMap<>();
    for (Article a : r.articles()) {
      fate.put(Long.parseLong(a.source().substring(a.source().lastIndexOf(':') + 1)), "ok");
    }
    for (Diagnostic d : r.errors()) {
      String was = fate.put(d.line(), "error");
      assertEquals(null, was, "line " + d.line() + " both read and refused");
    }
    List<String> expected = Files.readAllLines(nasty().resolve("expected-jsonl.tsv"));
    int checked = 0;
    for (String row : expected) {
      if (row.startsWith("#") || row.isBlank()) {
        continue;
      }
      String[] f = row.split("\t");
      long line = Long.parseLong(f[0]);
      String got = fate.get(line);
      if (f[1].equals("any")) {
        assertTrue(got != null, "line " + line + " (" + f[2] + ") got no answer");
      } else {
        assertEquals(f[1], got, "line " + line + ": " + f[2] + " " + r.problems());
      }
      checked++;
    }
    assertEquals(checked, fate.size(), "one fate per line: " + fate);

    Read rest = read(nasty().resolve("bad-random-after-good.jsonl"), ArticleReader.DEFAULT_MAX_BYTES);
    // Lines are decoded one by one: the bad line is refused, the good lines around it are read.
    assertEquals(List.of(1L, 3L), rest.articles().stream()
        .map(a -> Long.parseLong(a.source().substring(a.source().lastIndexOf(':') + 1))).toList());
    assertEquals(1, rest.errors().size(), rest.problems().toString());
    assertEquals(2, rest.errors().get(0).line());
  }

  @Test
  void randomBytesAndDeepJsonAreRefusedPerFile() throws Exception {
    for (int seed = 0; seed < 20; seed++) {
      for (String ext : new String[] {".txt", ".jsonl"}) {
        Path p = tmp.resolve("random-" + seed + ext);
        byte[] b = Corpus.randomBytes(seed, 64 + seed * 3000);
        if (seed % 2 == 0) {
          // a plausible start, then garbage
          byte[] head = (ext.equals(".txt") ? " date 2024-03\n\nLe ministre " : "{\"id\":\"r\",\"text\":\"")
              .getBytes(StandardCharsets.UTF_8);
          byte[] both = new byte[head.length + b.length];
          System.arraycopy(head, 0, both, 0, head.length);
          System.arraycopy(b, 0, both, head.length, b.length);
          b = both;
        }
        Files.write(p, b);
        Read r = read(p, ArticleReader.DEFAULT_MAX_BYTES);
        assertFalse(r.errors().isEmpty(), p.getFileName() + " was accepted: " + r.articles().size());
        assertTrue(r.articles().isEmpty(), p.getFileName().toString());
      }
    }
    Path deep = tmp.resolve("deep.jsonl");
    int depth = 100_000;
    Files.writeString(deep, "{\"id\":\"d\",\"text\":\"x\",\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}\n"
        + "[".repeat(depth) + "\n" + "{\"id\":\"after-deep\",\"date\":\"2024-03\",\"text\":\"Le ministre a parlé.\"}\n");
    Read r = read(deep, ArticleReader.DEFAULT_MAX_BYTES);
    assertEquals(2, r.errors().size(), r.problems().toString());
    assertTrue(r.errors().get(0).message().contains("nested deeper"), r.errors().toString());
    assertEquals(List.of("after-deep"), r.articles().stream().map(Article::id).toList());
  }

  @Test
  void aTenMegabyteArticleIsRefusedBySizeAndAHugeJsonLineInBoundedMemory() throws Exception {
    Path big = tmp.resolve("big-10mb.txt");
    Corpus.writeBigArticle(big, 10L << 20, 1);
    Read r = read(big, ArticleReader.DEFAULT_MAX_BYTES);
    assertEquals(0, r.articles().size());
    assertTrue(r.errors().get(0).message().contains("over the limit"), r.errors().toString());

    Path huge = tmp.resolve("huge.jsonl");
    Corpus.writeHugeJsonLine(huge, 50L << 20);
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = mx.getCurrentThreadAllocatedBytes();
    List<Article> articles = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    new ArticleReader().read(List.of(huge), ArticleReader.Listener.of(articles::add, problems::add));
    long allocated = mx.getCurrentThreadAllocatedBytes() - before;
    assertEquals(List.of("after-huge"), articles.stream().map(Article::id).toList(), problems.toString());
    assertTrue(problems.get(0).message().contains("over the limit"), problems.toString());
    // A 50 MB line held whole would take over 100 MB of chars; the reader keeps at most the limit.
    assertTrue(allocated < 40L << 20, "reading a 50 MB line allocated " + (allocated >> 20) + " MB");
  }

  @Test
  void everyAcceptedNastyArticleIsExtractedAndItsRdfParses() throws Exception {
    List<Article> articles = new ArrayList<>();
    for (Path p : nastyFiles("ok-")) {
      articles.addAll(read(p, ArticleReader.DEFAULT_MAX_BYTES).articles());
    }
    articles.addAll(read(nasty().resolve("mixed.jsonl"), ArticleReader.DEFAULT_MAX_BYTES).articles());
    assertTrue(articles.size() >= 25, "articles: " + articles.size());
    try (GuardedExtractor guard = new GuardedExtractor(pipeline, GuardedExtractor.DEFAULT_LIMIT)) {
      for (Article a : articles) {
        GuardedExtractor.Result x = guard.extract(a);
        assertParsesBack(x, a);
      }
    }
  }

  /** Writes the article's quads as N-Quads and TriG and reads them back with a strict parser. */
  static void assertParsesBack(GuardedExtractor.Result x, Article a) {
    DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
    Txn.executeWrite(dsg, () -> x.quads().forEach(dsg::add));
    Node graph = NodeFactory.createURI(pipeline.iris().articleGraph(a.id()));
    for (Lang lang : new Lang[] {Lang.NQUADS, Lang.TRIG}) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Txn.executeRead(dsg, () -> RDFDataMgr.write(out, dsg, lang));
      DatasetGraph back = DatasetGraphFactory.createTxnMem();
      try {
        RDFParser.source(new java.io.ByteArrayInputStream(out.toByteArray())).lang(lang).strict(true).parse(back);
      } catch (RuntimeException e) {
        fail(a.source() + ": the " + lang.getName() + " written does not parse back: " + e.getMessage());
      }
      assertEquals(x.quads().size(), Txn.calculateRead(back, () -> (long) back.stream().count()).intValue(),
          a.source() + " " + lang.getName());
      assertTrue(Txn.calculateRead(back, () -> back.contains(graph, Node.ANY, NG.RDF_TYPE, NG.SCHEMA_NEWS_ARTICLE)),
          a.source() + " has no schema:NewsArticle");
    }
  }

  @Test
  void theTimeLimitStopsASlowArticleAndTheOthersAreBuilt() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("guarded"));
    Corpus.writeBigArticle(dir.resolve("b-slow.txt"), 10L << 20, 2);
    for (String id : new String[] {"a-first", "c-last"}) {
      Files.writeString(dir.resolve(id + ".txt"), " date 2024-03-05\n\nLe président français Emmanuel Macron "
          + "et le président russe Vladimir Poutine ont eu un entretien téléphonique mardi.\n");
    }
    long t0 = System.nanoTime();
    ArticleLoader.Report r;
    try (GraphStore store = GraphStore.open(tmp.resolve("guarded-store"))) {
      r = new ArticleLoader(pipeline, store, 10, msg -> { }).articleTimeLimit(Duration.ofSeconds(1))
          .load(List.of(dir), 16 << 20);
      long graphs = Txn.calculateRead(store.datasetGraph(), () -> {
        long n = 0;
        var it = store.datasetGraph().listGraphNodes();
        while (it.hasNext()) {
          if (it.next().getURI().startsWith(pipeline.iris().articleGraphPrefix())) {
            n++;
          }
        }
        return n;
      });
      assertEquals(2, graphs);
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    assertEquals(2, r.articles);
    assertEquals(1, r.problems.size(), r.problems.toString());
    assertTrue(r.problems.get(0).file().endsWith("b-slow.txt"), r.problems.toString());
    assertTrue(r.problems.get(0).message().contains("time limit"), r.problems.toString());
    assertTrue(secs < 30, "the guarded build took " + secs + " s");
  }

  @Test
  void aStoppedArticleStopsItsWorkerAndTheGuardGoesOn() throws Exception {
    Path big = tmp.resolve("slow.txt");
    Corpus.writeBigArticle(big, 4L << 20, 3);
    Article slow = read(big, 8 << 20).articles().get(0);
    Article small = Article.of("small", null, null, "Le ministre a parlé avec son homologue.", null, "fr", "x");
    try (GuardedExtractor guard = new GuardedExtractor(pipeline, Duration.ofMillis(500))) {
      long t0 = System.nanoTime();
      GuardedExtractor.ArticleFailure f = org.junit.jupiter.api.Assertions.assertThrows(
          GuardedExtractor.ArticleFailure.class, () -> guard.extract(slow));
      assertTrue(f.timedOut(), f.getMessage());
      assertTrue((System.nanoTime() - t0) / 1e9 < 5, "stopping took too long");
      assertEquals(0, guard.abandonedWorkers(), "the stopped worker kept running");
      assertFalse(guard.extract(small).quads().isEmpty());
    }
  }
}
