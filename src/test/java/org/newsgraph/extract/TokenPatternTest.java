package org.newsgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsgraph.text.FrenchAnalyzer;
import org.newsgraph.text.Token;

class TokenPatternTest {

  private static List<Token> tokens(String s) {
    return new FrenchAnalyzer().tokenize(s, 0, s.length());
  }

  @Test
  void gapsAlternativesAndPrefixes() {
    TokenPattern p = new TokenPattern("s'|se ~2 entretenu*");
    assertEquals(4, p.matchAt(tokens("s'est longuement entretenu avec"), 0));
    assertEquals(3, p.matchAt(tokens("se sont entretenus"), 0));
    assertEquals(-1, p.matchAt(tokens("se sont beaucoup trop entretenus"), 0));
  }

  @Test
  void matchingIsAccentAndCaseFolded() {
    assertEquals(2, new TokenPattern("entretien téléphonique").matchAt(tokens("Entretien TELEPHONIQUE"), 0));
  }

  @Test
  void findReturnsTheFirstMatch() {
    int[] m = new TokenPattern("appel* a|au").find(tokens("Il a lancé un appel au calme"), 0, 7);
    assertEquals(4, m[0]);
    assertEquals(6, m[1]);
  }

  @Test
  void patternsMustStartAndEndWithAWord() {
    assertThrows(IllegalArgumentException.class, () -> new TokenPattern("~2 appel"));
    assertThrows(IllegalArgumentException.class, () -> new TokenPattern("appel ~9 x"));
  }

  @Test
  void theBundledLexiconLoads() {
    Lexicon lex = Lexicon.bundled();
    for (EventClass c : EventClass.values()) {
      assertEquals(true, lex.ofKind("trigger").stream().anyMatch(e -> EventClass.parse(e.value()) == c),
          "no trigger for " + c);
    }
  }
}
