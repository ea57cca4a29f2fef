package org.newsgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsgraph.TestFiles;
import org.newsgraph.store.GraphStore;

/**
 * {@code calls.rq} on a store built from a generated corpus: one row per interaction, sorted
 * lists, and for a month window the same calls, participants and articles as
 * {@code calls-in-month.rq}, which reads the month another way (through ng:month).
 */
class CallsQueryTest {

  static Path dir;
  static GraphStore store;

  @BeforeAll
  static void build() throws IOException {
    dir = Files.createTempDirectory("newsgraph-calls");
    store = GeneratedStore.build(dir, 11, 600);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  /** The rows of a query of queries/ as TSV cells, header first. */
  private static List<String[]> run(String name, Map<String, Node> params) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new QueryRunner(store.dataset()).run(QueryRunner.parse(QueryRunner.read(
        TestFiles.project().resolve("queries/" + name + ".rq")), name), params,
        QueryRunner.Format.TSV, out);
    return out.toString(StandardCharsets.UTF_8).lines().map(l -> l.split("\t", -1)).toList();
  }

  private static int column(List<String[]> rows, String name) {
    List<String> header = Arrays.asList(rows.get(0));
    int i = header.indexOf("?" + name);
    assertTrue(i >= 0, name + " in " + header);
    return i;
  }

  private static Set<String> list(String cell, String separator) {
    String v = cell.replaceAll("^\"|\"$", "");
    return v.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(v.split(separator)));
  }

  @Test
  void oneRowPerInteractionWithSortedLists() {
    List<String[]> rows = run("calls", Map.of());
    int call = column(rows, "call");
    int participants = column(rows, "participants");
    Set<String> calls = new TreeSet<>();
    for (String[] r : rows.subList(1, rows.size())) {
      assertTrue(calls.add(r[call]), "one row per call: " + r[call]);
      String p = r[participants].replaceAll("^\"|\"$", "");
      List<String> names = Arrays.asList(p.split("; "));
      assertEquals(names.stream().sorted().toList(), names, "participants sorted: " + p);
    }
    assertTrue(calls.size() > 200, "the corpus has interactions: " + calls.size());
  }

  @Test
  void aMonthWindowGivesWhatCallsInMonthGives() {
    List<String[]> all = run("calls", Map.of());
    int dateColumn = column(all, "date");
    Map<String, Integer> perMonth = new java.util.TreeMap<>();
    for (String[] r : all.subList(1, all.size())) {
      String d = r[dateColumn].replaceAll("^\"|\".*$", "");
      if (d.length() >= 7) {
        perMonth.merge(d.substring(0, 7), 1, Integer::sum);
      }
    }
    List<String> busiest = perMonth.entrySet().stream()
        .sorted((a, b) -> b.getValue() - a.getValue()).limit(3).map(Map.Entry::getKey).toList();
    assertEquals(3, busiest.size());
    for (String month : busiest) {
      Node m = NodeFactory.createLiteralString(month);
      List<String[]> window = run("calls", Map.of("from", m, "to", m));
      List<String[]> inMonth = run("calls-in-month", Map.of("month", m));
      Set<String> expected = new TreeSet<>();
      for (String[] r : inMonth.subList(1, inMonth.size())) {
        expected.add(r[column(inMonth, "call")] + " " + list(r[column(inMonth, "participants")], "; ")
            + " " + list(r[column(inMonth, "articles")], " "));
      }
      Set<String> got = new TreeSet<>();
      for (String[] r : window.subList(1, window.size())) {
        // calls.rq also keeps events dated to the year only, which overlap every month
        if (r[column(window, "date")].replaceAll("^\"|\".*$", "").length() >= 7) {
          got.add(r[column(window, "call")] + " " + list(r[column(window, "participants")], "; ")
              + " " + list(r[column(window, "articles")], "; "));
        }
      }
      assertEquals(perMonth.get(month), got.size(), month);
      assertEquals(expected, got, month);
    }
  }
}
