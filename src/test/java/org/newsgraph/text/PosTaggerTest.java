package org.newsgraph.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PosTaggerTest {

  @Test
  void namesAreProperNounsAndSentenceInitialWordsAreNot() {
    String s = "Plusieurs soldats ont rencontré le général Abdourahamane Tiani à Niamey.";
    List<Token> t = new FrenchAnalyzer(new PosTagger()).analyse(s).get(0).tokens();
    assertNotEquals("PROPN", t.get(0).pos(), t.toString());
    assertEquals("PROPN", t.get(6).pos(), t.toString());
    assertEquals("PROPN", t.get(7).pos(), t.toString());
    assertEquals(t.size(), t.stream().filter(x -> x.pos() != null).count());
  }
}
