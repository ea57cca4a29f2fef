package org.newsgraph.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GazetteerTest {

  private final Gazetteer kb = Gazetteer.bundled();

  private Set<String> ids(List<KbEntity> l) {
    Set<String> s = new HashSet<>();
    l.forEach(e -> s.add(e.id()));
    return s;
  }

  @Test
  void everyCountryHasAQidAndOneQidNamesOneEntity() {
    Map<String, String> byQid = new HashMap<>();
    for (KbEntity e : kb.all()) {
      if (e.type() == EntityType.COUNTRY) {
        assertTrue(e.qid() != null, "country without QID: " + e);
      }
      if (e.qid() != null) {
        String before = byQid.put(e.qid(), e.id());
        assertEquals(null, before, "QID " + e.qid() + " used by " + before + " and " + e.id());
      }
    }
    assertTrue(kb.size() > 1000, "gazetteer too small: " + kb.size());
  }

  @Test
  void verifiedIdentifiersAreThere() {
    assertEquals("Q912", kb.get("ML").orElseThrow().qid());
    assertEquals("2453866", kb.get("ML").orElseThrow().geonames());
    assertEquals("Q193272", kb.byName(kb.key("Cédéao")).get(0).qid());
    assertEquals("Q7747", kb.byName(kb.key("Poutine")).get(0).qid());
  }

  @Test
  void namesAreMatchedAccentAndCaseFolded() {
    assertEquals(Set.of("CI"), ids(kb.byName(kb.key("COTE D’IVOIRE"))));
    assertEquals(Set.of("CI"), ids(kb.byName(kb.key("Côte d'Ivoire"))));
  }

  @Test
  void demonymsTellNigerFromNigeria() {
    assertEquals(Set.of("NE"), ids(kb.byDemonym(kb.key("nigérien"))));
    assertEquals(Set.of("NE"), ids(kb.byDemonym(kb.key("nigériennes"))));
    assertEquals(Set.of("NG"), ids(kb.byDemonym(kb.key("nigérian"))));
    assertEquals(Set.of("CD", "CG"), ids(kb.byDemonym(kb.key("congolais"))));
  }

  @Test
  void nigerNamesBothTheCountryAndTheRiver() {
    Set<EntityType> types = new HashSet<>();
    kb.byName(kb.key("Niger")).forEach(e -> types.add(e.type()));
    assertTrue(types.contains(EntityType.COUNTRY) && types.contains(EntityType.RIVER), types.toString());
  }

  @Test
  void officeHoldersByDate() {
    assertEquals("Q6279", kb.holder("head_of_state", "US", LocalDate.of(2022, 3, 1)).orElseThrow().qid());
    assertEquals("Q22686", kb.holder("head_of_state", "US", LocalDate.of(2025, 3, 1)).orElseThrow().qid());
    assertEquals("Q3318398", kb.holder("head_of_state", "NE", LocalDate.of(2023, 7, 1)).orElseThrow().qid());
    assertEquals("Q120965176", kb.holder("head_of_state", "NE", LocalDate.of(2023, 9, 1)).orElseThrow().qid());
    assertFalse(kb.holder("head_of_state", "NE", LocalDate.of(1800, 1, 1)).isPresent());
  }

  @Test
  void capitalsStandForTheirCountry() {
    KbEntity moscow = kb.byName(kb.key("Moscou")).stream()
        .filter(e -> e.type() == EntityType.CITY).findFirst().orElseThrow();
    assertEquals("RU", kb.standsFor(moscow).orElseThrow().id());
  }

  @Test
  void badTablesFailWithTheirLine() {
    Map<String, String> tables = Map.of(
        "countries.tsv", "iso2\tqid\tname_fr\nML\tQ912\tMali\nNE\tX1\tNiger\n",
        "entities.tsv", "id\ttype\tname_fr\n",
        "offices.tsv", "person_id\trole\tcountry\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gazetteer.load(
        name -> new ByteArrayInputStream(tables.get(name).getBytes(StandardCharsets.UTF_8))));
    assertTrue(e.getMessage().startsWith("countries.tsv:3:"), e.getMessage());
    assertTrue(e.getMessage().contains("X1"), e.getMessage());
  }
}
