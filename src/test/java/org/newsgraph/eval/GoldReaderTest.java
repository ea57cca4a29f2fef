package org.newsgraph.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GoldReaderTest {

  @Test
  void readsEntitiesAndEvents() {
    Gold g = Fixtures.gold("links");
    assertEquals("links", g.name());
    assertEquals(4, g.actors().size());
    assertEquals(2, g.places().size());
    // "arden" is an actor and a place: one entity, the place entry (with its GeoNames id)
    assertEquals(5, g.entitiesById().size());
    assertEquals("9000001", g.entitiesById().get("arden").geonames());
    assertEquals(Set.of("Q1000011", "Q1000012", "Q1000001", "Q1000021"), g.qids());
    assertEquals(Set.of("9000001", "9000021"), g.geonamesIds());
    assertNull(g.entitiesById().get("crane").wikidata());
  }

  @Test
  void eventFieldsAndTruthiness() throws Exception {
    Gold g = new GoldReader().parse("t", """
        {"actors": [{"id": "a", "canonical": "A", "wikidata": "", "geonames": 12}],
         "events": [
           {"type": "PhoneCall", "status": "occurred", "participants": ["a", "b", "a"],
            "initiator": "a", "initiator_alternatives": ["c"], "date": "2020-01-02",
            "resolvable_from_header": true},
           {"type": "Visit", "status": "planned", "date": "", "resolvable_from_header": 0}
         ]}""");
    assertNull(g.actors().get(0).wikidata());
    assertEquals("12", g.actors().get(0).geonames());
    Gold.Event e = g.events().get(0);
    assertEquals(List.of("a", "b", "a"), e.participants());
    assertEquals("a", e.initiator());
    assertEquals(List.of("c"), e.initiatorAlternatives());
    assertEquals("2020-01-02", e.date());
    assertTrue(e.resolvableFromHeader());
    assertTrue(e.occurred());
    Gold.Event v = g.events().get(1);
    assertNull(v.date());
    assertFalse(v.resolvableFromHeader());
    assertFalse(v.occurred());
    assertEquals(List.of(), v.participants());
  }

  @Test
  void badFilesAreReported() {
    GoldReader r = new GoldReader();
    assertThrows(GoldReader.FormatException.class, () -> r.parse("t", "{\"events\": ["));
    assertThrows(GoldReader.FormatException.class, () -> r.parse("t", "[]"));
    assertThrows(GoldReader.FormatException.class, () -> r.parse("t", "{\"actors\": []}"));
    GoldReader.FormatException e = assertThrows(GoldReader.FormatException.class,
        () -> r.parse("t", "{\"events\": [{\"type\": \"Visit\"}]}"));
    assertEquals("events[0]: missing \"status\"", e.getMessage());
    assertThrows(GoldReader.FormatException.class,
        () -> r.parse("t", "{\"actors\": [{\"id\": \"a\", \"canonical\": 3}], \"events\": []}"));
  }
}
