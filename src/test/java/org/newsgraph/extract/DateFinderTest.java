package org.newsgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsgraph.article.PartialDate;
import org.newsgraph.text.FrenchAnalyzer;

class DateFinderTest {

  private List<DateFinder.DateMention> find(String sentence, String published) {
    return new DateFinder().find(new FrenchAnalyzer().analyse(sentence).get(0),
        published == null ? null : PartialDate.parse(published));
  }

  private String only(String sentence, String published) {
    List<DateFinder.DateMention> l = find(sentence, published);
    assertEquals(1, l.size(), l.toString());
    return l.get(0).date() == null ? null : l.get(0).date().toString();
  }

  @Test
  void dayAndMonthTakeTheYearOfThePublication() {
    assertEquals("2023-09-07", only("L'attaque a eu lieu le 7 septembre.", "2023-09"));
    assertEquals("2021-01-01", only("Depuis le 1er janvier 2021 rien.", "2023-09"));
  }

  @Test
  void weekdayAndDayAreCheckedAgainstTheCalendar() {
    // 10 September 2023 was a Sunday
    List<DateFinder.DateMention> l = find("Ils se sont parlé dimanche 10 septembre.", "2023-09");
    assertEquals("2023-09-10", l.get(0).date().toString());
    assertTrue(l.get(0).rule().contains("weekday-checked"), l.get(0).rule());
    // a mismatched weekday is kept but flagged
    assertTrue(find("Ils se sont parlé lundi 10 septembre.", "2023-09").get(0).rule()
        .contains("weekday-mismatch"));
  }

  @Test
  void aMonthWithoutItsDayStaysAMonth() {
    assertEquals("2023-09", only("La junte a accusé le septembre la France.", "2023-09"));
  }

  @Test
  void anEventMonthLaterThanTheHeaderIsLastYear() {
    assertEquals("2022-12-30", only("Un appel a eu lieu le 30 décembre.", "2023-01"));
    assertEquals("2018-06-30", only("Un appel a eu lieu le 30 juin.", "2018-07"));
  }

  @Test
  void bareWeekdaysResolveOnlyFromAFullDate() {
    assertNull(only("Ils se sont parlé samedi soir.", "2022-02"));
    assertEquals("2022-02-19", only("Ils se sont parlé samedi soir.", "2022-02-20"));
    assertEquals("2022-02-19", only("Ils se sont parlé hier.", "2022-02-20"));
    assertNull(only("Ils se sont parlé hier.", "2022-02"));
  }

  @Test
  void yearsAndPeriodBounds() {
    assertEquals("2017", only("Un régime mis en place en 2017.", "2023-09"));
    List<DateFinder.DateMention> l = find("Ils ne s'étaient pas parlé depuis le 24 février.", "2022-03");
    assertTrue(l.get(0).bound());
  }
}
