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
  void writesIsoFormsPaddedInAsciiDigitsWhateverTheLocale() {
    java.util.Locale before = java.util.Locale.getDefault();
    try {
      // a locale whose own digits are not ASCII: the ISO form must not use them
      java.util.Locale.setDefault(java.util.Locale.forLanguageTag("ar-EG-u-nu-arab"));
      assertEquals("0987", PartialDate.ofYear(987).toString());
      assertEquals("0045-03", PartialDate.ofMonth(45, 3).toString());
      assertEquals("2023-09-05", new PartialDate(2023, 9, 5).toString());
      assertEquals("9999-12-31", new PartialDate(9999, 12, 31).toString());
    } finally {
      java.util.Locale.setDefault(before);
    }
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
