package org.newsgraph.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PartialDateTest {

  @Test
  void parsesEachPrecision() {
    assertEquals(PartialDate.Precision.YEAR, PartialDate.parse("2017").precision());
    assertEquals(PartialDate.Precision.MONTH, PartialDate.parse("2023-09").precision());
    assertEquals(PartialDate.Precision.DAY, PartialDate.parse("2023-09-10").precision());
    assertEquals("2023-09", PartialDate.parse("2023-09").toString());
  }

  @Test
  void coversItsWholePeriod() {
    PartialDate feb = PartialDate.parse("2024-02");
    assertEquals(LocalDate.of(2024, 2, 1), feb.start());
    assertEquals(LocalDate.of(2024, 2, 29), feb.end());
  }

  @Test
  void rejectsImpossibleDatesWithTheValues() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PartialDate.parse("2023-02-30"));
    assertTrue(e.getMessage().contains("2023-2-30"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PartialDate.parse("2023-13"));
    assertThrows(IllegalArgumentException.class, () -> PartialDate.parse("septembre"));
  }
}
