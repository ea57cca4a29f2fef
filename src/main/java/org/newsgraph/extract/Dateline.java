package org.newsgraph.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsgraph.article.PartialDate;
import org.newsgraph.text.Fold;

/**
 * A wire-story dateline at the head of an article, "BAMAKO, 28 août (AFP) -", gives the day the
 * story was filed: bare weekdays and "hier" are read against it when the publication date is known
 * only to the month.
 */
final class Dateline {

  private static final Pattern DATELINE = Pattern.compile(
      "\\A\\s*(?:\\p{Lu}[\\p{Lu}\\p{M}' .-]+)(?:\\s*\\([^)]{1,40}\\))?,\\s*(?:le\\s+)?(\\d{1,2})(?:er)?\\s+"
          + "(\\p{L}+)(?:\\s+(\\d{4}))?\\s*\\(([^)]{1,30})\\)");

  private Dateline() {}

  /** Where the dateline ends in the text (0 when there is none). */
  static int end(String text) {
    Matcher m = DATELINE.matcher(text.length() > 200 ? text.substring(0, 200) : text);
    return m.find() ? m.end() : 0;
  }

  /** The date of the dateline, or null when there is none or it does not fit the header. */
  static PartialDate find(String text, PartialDate header) {
    Matcher m = DATELINE.matcher(text.length() > 200 ? text.substring(0, 200) : text);
    if (!m.find()) {
      return null;
    }
    Integer month = DateFinder.MONTHS.get(Fold.key(m.group(2)));
    if (month == null) {
      return null;
    }
    int day = Integer.parseInt(m.group(1));
    Integer year = m.group(3) != null ? Integer.valueOf(m.group(3)) : header == null ? null : header.year();
    if (year == null) {
      return null;
    }
    if (m.group(3) == null && header != null && header.month() != null && month > header.month() + 2) {
      year -= 1;
    }
    try {
      PartialDate d = new PartialDate(year, month, day);
      if (header != null && header.month() != null && header.precision() == PartialDate.Precision.MONTH
          && Math.abs(d.start().until(header.start()).toTotalMonths()) > 1) {
        return null;
      }
      return d;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
