package org.newsgraph.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One article of a generated corpus and the events its text states.
 *
 * @param id the article id
 * @param date the publication day
 * @param title the headline
 * @param text the body: paragraphs separated by blank lines
 * @param expected the events the body states, in text order
 */
public record GeneratedArticle(String id, LocalDate date, String title, String text,
    List<ExpectedEvent> expected) {

  public GeneratedArticle {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(text, "text");
    expected = List.copyOf(expected);
  }

  /** The article as one JSON Lines record: id, date, title, text, lang. */
  public String toJson() {
    return "{\"id\":" + Json.quote(id) + ",\"date\":" + Json.quote(date.toString())
        + ",\"title\":" + Json.quote(title) + ",\"text\":" + Json.quote(text) + ",\"lang\":\"fr\"}";
  }
}
