package org.newsgraph.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.Pipeline;
import org.newsgraph.article.Article;
import org.newsgraph.article.ArticleReader;
import org.newsgraph.server.NewsgraphServer;
import org.newsgraph.server.SeedStore;
import org.newsgraph.store.GraphStore;

/**
 * Several clients query the server over HTTP while articles are ingested through it. No request
 * fails, and no query sees an article half-written: every count of quads per article graph is 0
 * (not yet there) or the article's full count (what a clean mapping gives). Prints the query
 * latency under load (p50, p95, max).
 */
class ConcurrentServerTest {

  static final int CLIENTS = Integer.getInteger("newsgraph.concurrent.clients", 8);
  static final int ARTICLES = Integer.getInteger("newsgraph.concurrent.articles", 40);

  @TempDir
  Path tmp;

  @Test
  void queriesDuringIngestSeeWholeArticlesOnly() throws Exception {
    Pipeline pipeline = Pipeline.builder().build();
    Random r = new Random(11);
    Map<String, String> bodies = new LinkedHashMap<>();
    Map<String, Integer> expected = new HashMap<>();
    for (int i = 0; i < ARTICLES; i++) {
      String id = String.format("conc-%03d", i);
      String body = " date " + Corpus.date(r) + "\n\n" + Corpus.article(r) + "\n";
      bodies.put(id, body);
      List<Article> one = new ArrayList<>();
      ArticleReader.parseText(id, body, id + ".txt", ArticleReader.Listener.of(one::add, d -> { }));
      // The article's own graph (quads of the shared reference graph are counted apart).
      String graph = pipeline.iris().articleGraph(id);
      expected.put(graph, (int) pipeline.quads(pipeline.extract(one.get(0))).stream()
          .filter(q -> q.getGraph().isURI() && q.getGraph().getURI().equals(graph)).count());
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    String auth = "Basic " + Base64.getEncoder().encodeToString("admin:pw".getBytes(StandardCharsets.UTF_8));
    String countQuery = "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g";

    try (GraphStore store = GraphStore.open(SeedStore.build(tmp.resolve("store")));
         NewsgraphServer server = NewsgraphServer.start(store, new NewsgraphServer.Config().port(0).allowUpdate("pw"))) {
      String root = "http://localhost:" + server.port() + "/";
      AtomicBoolean writing = new AtomicBoolean(true);
      List<String> errors = Collections.synchronizedList(new ArrayList<>());
      List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger partialSeen = new AtomicInteger();
      AtomicInteger wholeSeen = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
      List<Future<?>> readers = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        final int client = c;
        readers.add(pool.submit(() -> {
          HttpRequest req = HttpRequest.newBuilder(URI.create(root + "ds/sparql")).timeout(Duration.ofSeconds(60))
              .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/csv")
              .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(countQuery, StandardCharsets.UTF_8)))
              .build();
          int rounds = 0;
          while (writing.get() || rounds < 3) {
            rounds++;
            long t0 = System.nanoTime();
            try {
              HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
              latencies.add(System.nanoTime() - t0);
              if (resp.statusCode() != 200) {
                errors.add("client " + client + ": HTTP " + resp.statusCode() + " " + resp.body());
                continue;
              }
              for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                  .parse(new java.io.StringReader(resp.body()))) {
                Integer want = expected.get(row.get("g"));
                if (want == null) {
                  continue;
                }
                int n = Integer.parseInt(row.get("n"));
                if (n != want) {
                  partialSeen.incrementAndGet();
                  errors.add("client " + client + " saw " + n + " of " + want + " quads in " + row.get("g"));
                } else {
                  wholeSeen.incrementAndGet();
                }
              }
            } catch (Exception e) {
              errors.add("client " + client + ": " + e);
            }
          }
        }));
      }
      long t0 = System.nanoTime();
      Future<?> writer = pool.submit(() -> {
        try {
          for (Map.Entry<String, String> e : bodies.entrySet()) {
            HttpResponse<String> resp = http.send(HttpRequest.newBuilder(URI.create(root + "ingest?id=" + e.getKey()))
                .timeout(Duration.ofSeconds(60)).header("Authorization", auth).header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(e.getValue())).build(), HttpResponse.BodyHandlers.ofString());
            if (resp.statusCode() != 200) {
              errors.add("ingest " + e.getKey() + ": HTTP " + resp.statusCode() + " " + resp.body());
            }
          }
        } catch (Exception e) {
          errors.add("ingest: " + e);
        } finally {
          writing.set(false);
        }
      });
      writer.get(5, TimeUnit.MINUTES);
      double ingestSecs = (System.nanoTime() - t0) / 1e9;
      for (Future<?> f : readers) {
        f.get(2, TimeUnit.MINUTES);
      }
      pool.shutdown();

      // At the end every article is there, whole.
      HttpResponse<String> last = http.send(HttpRequest.newBuilder(URI.create(root + "ds/sparql"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/csv")
          .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(countQuery, StandardCharsets.UTF_8))).build(),
          HttpResponse.BodyHandlers.ofString());
      Map<String, Integer> finalCounts = new HashMap<>();
      for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(new java.io.StringReader(last.body()))) {
        if (expected.containsKey(row.get("g"))) {
          finalCounts.put(row.get("g"), Integer.parseInt(row.get("n")));
        }
      }

      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      double p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2) / 1e6;
      double p95 = sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.95) - 1)) / 1e6;
      double max = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6;
      System.out.printf("Concurrent use: %d query clients, %d articles ingested in %.1f s, %d queries, "
              + "latency p50 %.1f ms, p95 %.1f ms, max %.1f ms; article graphs seen whole %d times, partly %d times, %d errors%n",
          CLIENTS, ARTICLES, ingestSecs, sorted.size(), p50, p95, max, wholeSeen.get(), partialSeen.get(), errors.size());
      assertEquals(List.of(), errors.subList(0, Math.min(10, errors.size())));
      assertEquals(0, partialSeen.get());
      assertEquals(expected, finalCounts, "every article whole at the end");
      assertTrue(sorted.size() >= CLIENTS * 3, "queries made: " + sorted.size());
      assertTrue(wholeSeen.get() > 0);
    }
  }
}
