package org.newsgraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.newsgraph.TestFiles;
import org.newsgraph.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --queries-on}: the queries of an existing store timed alone. */
class BenchQueriesTest {

  @TempDir
  Path tmp;

  private static int run(ByteArrayOutputStream err, String... args) {
    return Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void timesTheAnchoredQueriesOfAnExistingStoreAndNothingElse() throws Exception {
    Path store = tmp.resolve("store");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(0, run(err, "build", "--store", store.toString(), TestFiles.seed().toString()));
    Path csv = tmp.resolve("q.csv");
    int code = run(err, "bench", "--queries-on", store.toString(), "--store",
        tmp.resolve("work").toString(), "--out", csv.toString(), "--query-runs", "2",
        "--anchored-queries-only", "--no-http");
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    List<String> lines = Files.readAllLines(csv);
    // on the seed: Putin takes part in 3 events, September 2023 holds one call, Mali one attack
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("query (embedded),actor-events(qid=wd:Q7747) p50,")
        && l.endsWith("\"3 rows, 2 runs after warm-up\"")), String.join("\n", lines));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("query (embedded),\"calls-in-month(month=\"\"2023-09\"\") p50\",")
        && l.endsWith("\"1 rows, 2 runs after warm-up\"")), String.join("\n", lines));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("query (embedded),attacks(place=wd:Q912) p50,")
        && l.endsWith("\"1 rows, 2 runs after warm-up\"")), String.join("\n", lines));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("store,size,")), String.join("\n", lines));
    // beside each anchored question, its index look-ups alone, with the same anchor (the seed
    // holds Putin, a call in September 2023 and an attack in Mali, not Macron)
    for (String q : List.of("actor-events(qid=wd:Q7747)", "attacks(place=wd:Q912)",
        "\"calls-in-month(month=\"\"2023-09\"\")")) {
      assertTrue(lines.stream().anyMatch(l -> l.startsWith("query look-ups alone (embedded)," + q
          + " p50") && l.matches(".*,\"[1-9][0-9]* rows, 2 runs after warm-up\"")),
          q + "\n" + String.join("\n", lines));
    }
    assertTrue(lines.stream().anyMatch(l -> l.startsWith(
        "query look-ups alone (embedded),dyad-events(a=wd:Q7747 b=wd:Q3052772) p50,")),
        String.join("\n", lines));
    // the anchored questions over anchors drawn from the store: the seed holds fewer actors
    // than the default 50 draws, so the uniform draw takes them all, Putin (3 events) among them
    for (String q : Benchmark.SAMPLED) {
      for (String draw : List.of("uniform", "weighted")) {
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("query sample (embedded)," + q + " "
            + draw + " p50,") && l.contains("anchors drawn")), q + " " + draw + "\n"
            + String.join("\n", lines));
      }
    }
    List<String> samples = Files.readAllLines(tmp.resolve("work").resolve("query-samples.csv"));
    assertEquals("query,draw,anchor,events,rows,median ms", samples.get(0));
    assertTrue(samples.stream().anyMatch(l -> l.startsWith("actor-events,uniform,qid=wd:Q7747,3,3,")),
        String.join("\n", samples));
    assertTrue(samples.stream().anyMatch(l -> l.startsWith("calls-in-month,weighted,\"month=\"\"2023-09\"\"\",1,1,")),
        String.join("\n", samples));
    // no other stage ran: no corpus, no build, no store made in the working folder
    assertTrue(lines.stream().noneMatch(l -> l.startsWith("build,") || l.startsWith("corpus,")
        || l.startsWith("bulk load,")), String.join("\n", lines));
    assertTrue(!Files.exists(tmp.resolve("work").resolve("store-build")));
    assertTrue(!Files.exists(tmp.resolve("work").resolve("store-bulk")));
  }

  @Test
  void aFolderWithoutAStoreIsAUsageError() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = run(err, "bench", "--queries-on", tmp.resolve("nothing").toString(), "--store",
        tmp.resolve("work").toString());
    assertEquals(2, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--queries-on needs a store"),
        err.toString(StandardCharsets.UTF_8));
  }
}
