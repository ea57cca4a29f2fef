package org.newsgraph.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PosTaggerTest {

  @Test
  void namesAreProperNounsAndSentenceInitialWordsAreNot() {
    String text = "Plusieurs soldats ont rencontré le général Abdourahamane Tiani à Niamey.";
    Sentence s = new FrenchAnalyzer(new PosTagger()).analyse(text).get(0);
    assertNotEquals("PROPN", s.pos(0), s.tokens().toString());
    assertFalse(s.properNounOrUntagged(0));
    assertEquals("PROPN", s.pos(6));
    assertEquals("PROPN", s.pos(7));
    for (int i = 0; i < s.tokens().size(); i++) {
      assertNotNull(s.pos(i), "token " + i);
    }
  }

  @Test
  void sentencesAreTaggedOnFirstUseOnlyAndOnce() {
    AtomicInteger calls = new AtomicInteger();
    PosTagger real = new PosTagger();
    List<Token> tokens = new FrenchAnalyzer().analyse("Le Mali a salué la décision.").get(0).tokens();
    Sentence s = new Sentence(0, 0, 28, "Le Mali a salué la décision.", tokens, t -> {
      calls.incrementAndGet();
      return real.tag(t);
    });
    assertEquals(0, calls.get(), "nothing tagged before a part of speech is asked");
    assertEquals("PROPN", s.pos(1));
    s.pos(3);
    assertEquals(1, calls.get());
  }

  @Test
  void withoutATaggerEveryTokenMayBeAName() {
    Sentence s = new FrenchAnalyzer().analyse("Plusieurs soldats sont arrivés.").get(0);
    assertNull(s.pos(0));
    assertTrue(s.properNounOrUntagged(0));
  }
}
