package org.newsgraph.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleReaderTest {

  @TempDir
  Path dir;

  private final List<Article> articles = new ArrayList<>();
  private final List<Diagnostic> problems = new ArrayList<>();
  private final ArticleReader.Listener listener = new ArticleReader.Listener() {
    @Override
    public void article(Article a) {
      articles.add(a);
    }

    @Override
    public void problem(Diagnostic d) {
      problems.add(d);
    }
  };

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void headerLineThenBody() throws IOException {
    new ArticleReader().read(List.of(write("a1.txt", " date 2023-09\n\nLe texte.\n\nSuite.\n")), listener);
    assertEquals(List.of(), problems);
    Article a = articles.get(0);
    assertEquals("a1", a.id());
    assertEquals(PartialDate.ofMonth(2023, 9), a.published());
    assertEquals("Le texte.\n\nSuite.", a.text());
    assertEquals(Article.sha256("Le texte.\n\nSuite."), a.sha256());
  }

  @Test
  void headerOnTheSameLineAsTheFirstParagraph() throws IOException {
    new ArticleReader().read(List.of(write("b.txt", " date 2024-11-11 Premier paragraphe.\n")), listener);
    assertEquals(PartialDate.parse("2024-11-11"), articles.get(0).published());
    assertEquals("Premier paragraphe.", articles.get(0).text());
  }

  @Test
  void emptyFileIsAnErrorNamingTheFile() throws IOException {
    new ArticleReader().read(List.of(write("empty.txt", "")), listener);
    assertTrue(articles.isEmpty());
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).toString().matches(".*empty\\.txt:1: error: empty article"), problems.toString());
  }

  @Test
  void missingHeaderIsAnError() throws IOException {
    new ArticleReader().read(List.of(write("nohead.txt", "Un article sans en-tête.\n")), listener);
    assertTrue(articles.isEmpty());
    assertTrue(problems.get(0).message().startsWith("missing date header"), problems.toString());
  }

  @Test
  void invalidUtf8IsAnErrorWithItsLine() throws IOException {
    Path p = dir.resolve("latin1.txt");
    Files.write(p, " date 2023-09\nligne deux\nd\u00e9j\u00e0\n".getBytes(StandardCharsets.ISO_8859_1));
    new ArticleReader().read(List.of(p), listener);
    assertTrue(articles.isEmpty());
    assertEquals(3, problems.get(0).line());
    assertTrue(problems.get(0).message().contains("not UTF-8"));
  }

  @Test
  void binaryFileIsRefused() throws IOException {
    Path p = dir.resolve("bin.txt");
    Files.write(p, new byte[] {' ', 'd', 'a', 't', 'e', ' ', '2', '0', '2', '3', '\n', 0, 1, 2});
    new ArticleReader().read(List.of(p), listener);
    assertTrue(problems.get(0).message().contains("NUL"));
  }

  @Test
  void fileOverTheLimitIsRefused() throws IOException {
    Path p = write("big.txt", " date 2023-09\n" + "x".repeat(200));
    new ArticleReader(100).read(List.of(p), listener);
    assertTrue(articles.isEmpty());
    assertTrue(problems.get(0).message().contains("over the limit of 100 bytes"));
  }

  @Test
  void jsonLinesReportBadLinesAndKeepTheOthers() throws IOException {
    Path p = write("feed.jsonl", String.join("\n",
        "{\"id\":\"x1\",\"date\":\"2023-09-10T08:00:00Z\",\"title\":\"T\",\"text\":\"Un texte.\",\"lang\":\"fr\"}",
        "{\"id\":\"x2\",\"text\":",
        "",
        "{\"id\":\"x3\",\"date\":\"2023-13\",\"text\":\"Autre.\"}",
        "{\"text\":\"sans id\"}",
        "{\"id\":\"x5\",\"date\":\"2022-02\",\"text\":\"Encore un.\",\"url\":\"https://example.org/a\"}"));
    new ArticleReader().read(List.of(p), listener);
    assertEquals(List.of("x1", "x5"), articles.stream().map(Article::id).toList());
    assertEquals(PartialDate.parse("2023-09-10"), articles.get(0).published());
    assertEquals(p + ":1", articles.get(0).source());
    assertEquals(List.of(2L, 4L, 5L), problems.stream().map(Diagnostic::line).toList());
    assertTrue(problems.get(0).message().startsWith("malformed JSON"));
    assertTrue(problems.get(1).message().startsWith("bad \"date\""));
    assertEquals("missing \"id\"", problems.get(2).message());
  }

  @Test
  void jsonLineWithoutDateIsKeptWithAWarning() throws IOException {
    new ArticleReader().read(List.of(write("nodate.jsonl", "{\"id\":\"n1\",\"text\":\"Texte.\"}\n")), listener);
    assertNull(articles.get(0).published());
    assertEquals(Diagnostic.Severity.WARNING, problems.get(0).severity());
  }

  @Test
  void foldersAreReadInNameOrderAndOneBadFileDoesNotStopTheOthers() throws IOException {
    write("b.txt", " date 2023-01\nB.");
    write("a.txt", " date 2023-01\nA.");
    write("c.txt", "");
    write("notes.md", "ignored");
    new ArticleReader().read(List.of(dir), listener);
    assertEquals(List.of("a", "b"), articles.stream().map(Article::id).toList());
    assertEquals(1, problems.size());
  }

  @Test
  void missingPathIsReported() {
    new ArticleReader().read(List.of(dir.resolve("nope")), listener);
    assertEquals("no such file or folder", problems.get(0).message());
  }
}
