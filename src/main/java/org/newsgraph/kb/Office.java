package org.newsgraph.kb;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A term of office: who held which role in which country, from when to when.
 *
 * @param personId id of the holder in the gazetteer
 * @param role head_of_state, head_of_government, foreign_minister...
 * @param country ISO2 of the country
 * @param titleFr the French title as used in the news ("président de la transition")
 * @param start first day, or null when unknown
 * @param end last day (the day power was lost), or null while in office
 * @param source provenance column
 */
public record Office(String personId, String role, String country, String titleFr, LocalDate start,
    LocalDate end, String source) {

  public Office {
    Objects.requireNonNull(personId, "personId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(country, "country");
    if (start != null && end != null && end.isBefore(start)) {
      throw new IllegalArgumentException(
          "office of " + personId + " ends (" + end + ") before it starts (" + start + ")");
    }
  }

  /** True when the term covers the day. A term ending that day still covers it. */
  public boolean covers(LocalDate day) {
    return (start == null || !day.isBefore(start)) && (end == null || !day.isAfter(end));
  }
}
