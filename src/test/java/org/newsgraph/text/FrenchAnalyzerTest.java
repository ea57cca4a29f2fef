package org.newsgraph.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrenchAnalyzerTest {

  private final FrenchAnalyzer analyzer = new FrenchAnalyzer();

  private List<String> tokens(String s) {
    return analyzer.tokenize(s, 0, s.length()).stream().map(Token::text).toList();
  }

  private List<String> sentences(String s) {
    return analyzer.analyse(s).stream().map(Sentence::text).toList();
  }

  @Test
  void splitsElisionsWithBothApostrophes() {
    assertEquals(List.of("l'", "armée", "d’", "Israël", "qu'", "il", "jusqu'", "à", "lorsqu’", "elle"),
        tokens("l'armée d’Israël qu'il jusqu'à lorsqu’elle"));
  }

  @Test
  void keepsHyphenatedWordsAndAujourdhuiWhole() {
    assertEquals(List.of("Saint-Pétersbourg", "ouest-africains", "aujourd'hui", ","),
        tokens("Saint-Pétersbourg ouest-africains aujourd'hui,"));
  }

  @Test
  void keepsDecimalNumbersAndSplitsPunctuation() {
    assertEquals(List.of("3,5", "%", "«", "agression", "»", "."), tokens("3,5 % «agression»."));
  }

  @Test
  void sentencesSurviveAbbreviationsInitialsAndQuotes() {
    String text = "M. Dupont a rencontré J. Martin à Paris. Il a dit : « Nous verrons. » Ensuite, "
        + "la réunion a eu lieu.\nUne autre ligne";
    assertEquals(List.of("M. Dupont a rencontré J. Martin à Paris.", "Il a dit : « Nous verrons. »",
        "Ensuite, la réunion a eu lieu.", "Une autre ligne"), sentences(text));
  }

  @Test
  void noSplitBeforeALowerCaseWord() {
    assertEquals(1, sentences("Le taux est de 3.5 pour cent. et voilà").size());
  }

  @Test
  void offsetsPointIntoTheTextForRandomInput() {
    Random r = new Random(42);
    String alphabet = "abcdé ÉL'’-.,;!?«»\"\n0123456789 ";
    for (int n = 0; n < 300; n++) {
      StringBuilder b = new StringBuilder();
      int len = r.nextInt(120);
      for (int i = 0; i < len; i++) {
        b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String text = b.toString();
      for (Sentence s : analyzer.analyse(text)) {
        assertEquals(text.substring(s.start(), s.end()), s.text());
        for (Token t : s.tokens()) {
          assertEquals(text.substring(t.start(), t.end()), t.text());
          assertTrue(t.start() >= s.start() && t.end() <= s.end());
        }
      }
    }
  }

  @Test
  void foldRemovesAccentsAndTypographicApostrophes() {
    assertEquals("cote d'ivoire", Fold.key("Côte d’Ivoire"));
    assertEquals("coeur etat", Fold.key("Cœur  État"));
  }
}
