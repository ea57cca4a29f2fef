package org.newsgraph.extract;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsgraph.article.PartialDate;
import org.newsgraph.text.Sentence;
import org.newsgraph.text.Token;

/**
 * Finds date expressions in a sentence and resolves them against the article's date.
 *
 * <p>"dimanche 10 septembre", "le 7 septembre 2023", "en 2017", "septembre 2023", "le septembre"
 * (day missing: month only). A weekday with a day is checked against the calendar. Bare weekdays,
 * "hier", "aujourd'hui" resolve only from a publication date known to the day; otherwise the
 * expression is kept with no date: never a guess. Dates after "depuis" or "jusqu'au" bound a
 * period and are not event dates.
 */
final class DateFinder {

  static final Map<String, Integer> MONTHS = Map.ofEntries(
      Map.entry("janvier", 1), Map.entry("fevrier", 2), Map.entry("mars", 3), Map.entry("avril", 4),
      Map.entry("mai", 5), Map.entry("juin", 6), Map.entry("juillet", 7), Map.entry("aout", 8),
      Map.entry("septembre", 9), Map.entry("octobre", 10), Map.entry("novembre", 11),
      Map.entry("decembre", 12));
  private static final Map<String, DayOfWeek> WEEKDAYS = Map.of(
      "lundi", DayOfWeek.MONDAY, "mardi", DayOfWeek.TUESDAY, "mercredi", DayOfWeek.WEDNESDAY,
      "jeudi", DayOfWeek.THURSDAY, "vendredi", DayOfWeek.FRIDAY, "samedi", DayOfWeek.SATURDAY,
      "dimanche", DayOfWeek.SUNDAY);
  private static final Set<String> PERIOD_BOUNDS = Set.of("depuis", "jusqu'", "jusqu'au",
      "jusqu'a", "avant", "d'ici");

  /**
   * A date expression found in a sentence.
   *
   * @param from first token
   * @param to token after the last
   * @param text the words
   * @param date the resolved date, or null when it cannot be resolved honestly
   * @param bound true when it bounds a period ("depuis le 24 février") rather than dates an event
   * @param rule how it was resolved
   */
  record DateMention(int from, int to, String text, PartialDate date, boolean bound, String rule) {}

  /** The day of the week a folded weekday name names, or null. */
  static DayOfWeek weekday(String key) {
    return WEEKDAYS.get(key);
  }

  List<DateMention> find(Sentence s, PartialDate published) {
    List<Token> t = s.tokens();
    List<DateMention> out = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      DateMention m = at(s, i, published);
      if (m != null) {
        out.add(m);
        i = m.to() - 1;
      }
    }
    return out;
  }

  private DateMention at(Sentence s, int i, PartialDate pub) {
    List<Token> t = s.tokens();
    int j = i;
    DayOfWeek weekday = null;
    if (WEEKDAYS.containsKey(t.get(j).key())) {
      weekday = WEEKDAYS.get(t.get(j).key());
      j++;
    }
    Integer day = null;
    if (j < t.size() && isDay(t.get(j))) {
      day = Integer.valueOf(t.get(j).key().replace("er", ""));
      j++;
    }
    if (j < t.size() && MONTHS.containsKey(t.get(j).key())) {
      int month = MONTHS.get(t.get(j).key());
      j++;
      Integer year = null;
      if (j < t.size() && isYear(t.get(j))) {
        year = Integer.valueOf(t.get(j).text());
        j++;
      }
      if (day == null && weekday == null && !(i > 0 && t.get(i - 1).key().equals("le"))
          && year == null && !precededBy(t, i, "en", "debut", "fin", "mi", "courant", "mi-")) {
        return null;
      }
      int from = startWithArticle(t, i, day != null || weekday != null || year == null);
      return make(s, from, j, resolve(weekday, day, month, year, pub), day == null ? "month" : "day");
    }
    if (weekday != null) {
      // bare weekday: "dimanche", "samedi soir"
      int to = i + 1;
      PartialDate d = null;
      String rule = "weekday-unresolved";
      if (pub != null && pub.precision() == PartialDate.Precision.DAY) {
        LocalDate p = pub.start();
        LocalDate c = p;
        while (c.getDayOfWeek() != weekday) {
          c = c.minusDays(1);
        }
        d = PartialDate.of(c);
        rule = "weekday-before-publication";
      }
      return new DateMention(i, to, s.span(startWithArticle(t, i, true), to), d,
          bound(t, i), rule);
    }
    boolean yearAfterYear = i >= 2 && t.get(i - 1).key().equals("et") && isYear(t.get(i - 2));
    if (isYear(t.get(i)) && i > 0 && (yearAfterYear
        || Set.of("en", "de", "depuis", "d'").contains(t.get(i - 1).key()))
        && (i + 1 >= t.size() || !MONTHS.containsKey(t.get(i + 1).key()))) {
      return make(s, yearAfterYear ? i : i - 1, i + 1,
          new Resolved(PartialDate.ofYear(Integer.parseInt(t.get(i).text())), "explicit"), "year");
    }
    String k = t.get(i).key();
    if (k.equals("hier") || k.equals("aujourd'hui") || k.equals("avant-hier")) {
      PartialDate d = null;
      if (pub != null && pub.precision() == PartialDate.Precision.DAY) {
        int back = k.equals("hier") ? 1 : k.equals("avant-hier") ? 2 : 0;
        d = PartialDate.of(pub.start().minusDays(back));
      }
      return new DateMention(i, i + 1, t.get(i).text(), d, false,
          d == null ? "relative-unresolved" : "relative-to-publication");
    }
    return null;
  }

  private DateMention make(Sentence s, int from, int to, Resolved r, String kind) {
    return new DateMention(from, to, s.span(from, to), r == null ? null : r.date, bound(s.tokens(), from),
        r == null ? kind + "-unresolved" : kind + ":" + r.rule);
  }

  private record Resolved(PartialDate date, String rule) {}

  /** Resolves day/month with the year from the text or the article date. */
  private Resolved resolve(DayOfWeek weekday, Integer day, int month, Integer year, PartialDate pub) {
    if (year != null) {
      return new Resolved(day == null ? PartialDate.ofMonth(year, month)
          : safeDay(year, month, day), "explicit-year");
    }
    if (pub == null) {
      return null;
    }
    int y = pub.year();
    String rule = "year-of-publication";
    if (pub.month() != null && month > pub.month() + 2) {
      y -= 1;
      rule = "year-before-publication";
    }
    if (day == null) {
      return new Resolved(PartialDate.ofMonth(y, month), rule);
    }
    PartialDate d = safeDay(y, month, day);
    if (weekday != null && d != null && d.start().getDayOfWeek() != weekday) {
      for (int dy : new int[] {-1, 1}) {
        PartialDate alt = safeDay(y + dy, month, day);
        if (alt != null && alt.start().getDayOfWeek() == weekday) {
          return new Resolved(alt, "weekday-fixes-year");
        }
      }
      return new Resolved(d, rule + ";weekday-mismatch");
    }
    return d == null ? null : new Resolved(d, rule + (weekday != null ? ";weekday-checked" : ""));
  }

  private static PartialDate safeDay(int y, int m, int d) {
    try {
      return new PartialDate(y, m, d);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean isDay(Token t) {
    String k = t.key();
    if (k.equals("1er")) {
      return true;
    }
    if (!t.number() || k.length() > 2) {
      return false;
    }
    int d = Integer.parseInt(k);
    return d >= 1 && d <= 31;
  }

  private static boolean isYear(Token t) {
    if (!t.number() || t.key().length() != 4) {
      return false;
    }
    int y = Integer.parseInt(t.key());
    return y >= 1900 && y <= 2100;
  }

  private static boolean precededBy(List<Token> t, int i, String... words) {
    return i > 0 && Set.of(words).contains(t.get(i - 1).key());
  }

  private static int startWithArticle(List<Token> t, int i, boolean allow) {
    return allow && i > 0 && Set.of("le", "du", "au").contains(t.get(i - 1).key()) ? i - 1 : i;
  }

  private static boolean bound(List<Token> t, int from) {
    for (int k = Math.max(0, from - 2); k <= from && k < t.size(); k++) {
      if (PERIOD_BOUNDS.contains(t.get(k).key())) {
        return true;
      }
    }
    return false;
  }
}
