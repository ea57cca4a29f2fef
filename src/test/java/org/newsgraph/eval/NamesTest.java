package org.newsgraph.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;

class NamesTest {

  @Test
  void foldsLikeTheReferenceScorer() {
    // the typographic apostrophe has no ASCII form: dropped, so no space either
    assertEquals("zoe obrien", Names.fold("  Zoë O’Brien "));
    assertEquals("jean luc 2nd", Names.fold("Jean-Luc (2nd)"));
    // characters without an ASCII decomposition are dropped, not replaced
    assertEquals("uvre", Names.fold("Œuvre"));
    assertEquals("", Names.fold("—"));
    assertEquals("fi", Names.fold("ﬁ"));
  }

  @Test
  void matchesByQidOrByName() {
    DatasetGraph dsg = Fixtures.output("call_matched");
    SystemGraph s = SystemGraph.of(dsg, Fixtures.ontology());
    Node archer = NodeFactory.createURI("https://example.org/toy/archer");
    Node crane = NodeFactory.createURI("https://example.org/toy/crane");
    Gold g = Fixtures.gold("call_matched");
    Map<String, Gold.Entity> e = g.entitiesById();
    assertTrue(Names.matches(e.get("archer"), archer, s));
    assertFalse(Names.matches(e.get("bolt"), archer, s));
    // "President Crane" shares the word "crane" (four letters or more) with "Cal Crane"
    assertTrue(Names.matches(e.get("crane"), crane, s));
    Gold.Entity cal = new Gold.Entity("cal", "Cal", null, null, null, List.of());
    assertFalse(Names.matches(cal, crane, s), "words under four letters do not match");
  }

  @Test
  void participantsOneToOne() {
    DatasetGraph dsg = Fixtures.output("call_matched");
    SystemGraph s = SystemGraph.of(dsg, Fixtures.ontology());
    Node archer = NodeFactory.createURI("https://example.org/toy/archer");
    Node bolt = NodeFactory.createURI("https://example.org/toy/bolt");
    Map<String, Gold.Entity> e = Fixtures.gold("call_matched").entitiesById();
    Gold.Event twoArchers = new Gold.Event("PhoneCall", "occurred", List.of("archer", "archer", "bolt"),
        null, List.of(), null, false);
    assertTrue(Names.participantsMatch(twoArchers, e, Set.of(archer, bolt), s));
    Gold.Event withCrane = new Gold.Event("PhoneCall", "occurred", List.of("crane", "bolt"),
        null, List.of(), null, false);
    assertFalse(Names.participantsMatch(withCrane, e, Set.of(archer, bolt), s));
    Gold.Event craneOrArcher = new Gold.Event("PhoneCall", "occurred", List.of("crane", "bolt"),
        "crane", List.of("archer"), null, false);
    assertTrue(Names.participantsMatch(craneOrArcher, e, Set.of(archer, bolt), s));
    assertFalse(Names.participantsMatch(craneOrArcher, e, Set.of(archer), s));
  }
}
