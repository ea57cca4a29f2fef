package org.newsgraph.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Main;

class EvalCommandTest {

  @TempDir
  Path dir;

  private Path gold;
  private Path articles;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void setUp() throws Exception {
    gold = Files.createDirectories(dir.resolve("gold"));
    articles = Files.createDirectories(dir.resolve("articles"));
    Files.writeString(gold.resolve("toy.json"), Fixtures.text("gold/call_wrong_date.json"));
    Files.writeString(articles.resolve("toy.txt"), " date 2020-05\n\nNothing to see here.\n");
  }

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void scoresAndWritesTrig() {
    Path o = dir.resolve("out");
    int rc = run("eval", "--gold", gold.toString(), "--articles", articles.toString(), "--out", o.toString());
    assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
    assertTrue(Files.isRegularFile(o.resolve("toy.trig")));
    String lastLine = out().strip().lines().reduce((a, b) -> b).orElse("");
    assertEquals("SUMMARY interactionsF1=0.00 wronglyAsserted=0 linksF1=0.00 otherF1=1.00 missingOutputs=0",
        lastLine);
    assertTrue(out().contains("missed               PhoneCall [Ann Archer (Q1000011) + Ben Bolt (Q1000012)] 2020-05-04"),
        out());
  }

  @Test
  void jsonOutputParses() {
    int rc = run("eval", "--json", "--gold", gold.toString(), "--articles", articles.toString());
    assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
    org.apache.jena.atlas.json.JsonObject o = org.apache.jena.atlas.json.JSON.parse(out());
    assertEquals(1, o.get("interactions").getAsObject().get("fn").getAsNumber().value().intValue());
    assertEquals("toy", o.get("articles").getAsArray().get(0).getAsObject().get("article")
        .getAsString().value());
  }

  @Test
  void usageErrors() throws Exception {
    assertEquals(2, run("eval", "--articles", articles.toString()));
    assertEquals(2, run("eval", "--gold", dir.resolve("none").toString(), "--articles", articles.toString()));
    assertEquals(2, run("eval", "--gold", articles.toString(), "--articles", articles.toString()));
    Path file = Files.writeString(dir.resolve("file"), "x");
    assertEquals(2, run("eval", "--gold", gold.toString(), "--articles", articles.toString(),
        "--out", file.toString()));
  }

  @Test
  void unreadableGoldOrMissingArticle() throws Exception {
    Files.writeString(gold.resolve("broken.json"), "{\"events\": [");
    assertEquals(1, run("eval", "--gold", gold.toString(), "--articles", articles.toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("broken.json"));
    assertTrue(out().contains("SUMMARY"), "the other files are still scored");

    Files.delete(gold.resolve("broken.json"));
    Files.writeString(gold.resolve("absent.json"), Fixtures.text("gold/call_missing.json"));
    out.reset();
    assertEquals(1, run("eval", "--gold", gold.toString(), "--articles", articles.toString()));
    assertTrue(out().contains("missingOutputs=1"), out());
    assertFalse(out().contains("missingOutputs=0"));
  }
}
