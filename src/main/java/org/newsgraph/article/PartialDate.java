package org.newsgraph.article;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar date known to the year, the month or the day, never more precise than its source.
 *
 * <p>Maps to {@code xsd:gYear}, {@code xsd:gYearMonth} or {@code xsd:date}.
 */
public record PartialDate(int year, Integer month, Integer day) implements Comparable<PartialDate> {

  private static final Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

  /** How precise a date is. */
  public enum Precision { YEAR, MONTH, DAY }

  public PartialDate {
    if (year < 1 || year > 9999) {
      throw new IllegalArgumentException("year out of range: " + year);
    }
    if (month == null && day != null) {
      throw new IllegalArgumentException("a day without a month: " + year + "-?-" + day);
    }
    if (month != null && (month < 1 || month > 12)) {
      throw new IllegalArgumentException("month out of range: " + month);
    }
    if (day != null) {
      try {
        LocalDate.of(year, month, day);
      } catch (DateTimeException e) {
        throw new IllegalArgumentException("no such day: " + year + "-" + month + "-" + day, e);
      }
    }
  }

  public static PartialDate ofYear(int year) {
    return new PartialDate(year, null, null);
  }

  public static PartialDate ofMonth(int year, int month) {
    return new PartialDate(year, month, null);
  }

  public static PartialDate of(LocalDate d) {
    return new PartialDate(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
  }

  /** Parses {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}; throws IllegalArgumentException. */
  public static PartialDate parse(String s) {
    Matcher m = ISO.matcher(Objects.requireNonNull(s, "date").trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a date (YYYY, YYYY-MM or YYYY-MM-DD): '" + s + "'");
    }
    Integer month = m.group(2) == null ? null : Integer.valueOf(m.group(2));
    Integer day = m.group(3) == null ? null : Integer.valueOf(m.group(3));
    return new PartialDate(Integer.parseInt(m.group(1)), month, day);
  }

  public Precision precision() {
    return day != null ? Precision.DAY : month != null ? Precision.MONTH : Precision.YEAR;
  }

  /** The first day this date covers. */
  public LocalDate start() {
    return LocalDate.of(year, month == null ? 1 : month, day == null ? 1 : day);
  }

  /** The last day this date covers. */
  public LocalDate end() {
    if (day != null) {
      return start();
    }
    if (month != null) {
      return start().plusMonths(1).minusDays(1);
    }
    return LocalDate.of(year, 12, 31);
  }

  /** ISO lexical form at this date's precision. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(10);
    pad(b, year, 4);
    if (month != null) {
      pad(b.append('-'), month, 2);
      if (day != null) {
        pad(b.append('-'), day, 2);
      }
    }
    return b.toString();
  }

  /**
   * Appends a positive number zero-padded to at least {@code width} ASCII digits, whatever the
   * default locale (String.format would write another script's digits in some) and without a
   * formatter per call (this runs for every date mapped).
   */
  private static void pad(StringBuilder b, int v, int width) {
    String digits = Integer.toString(v);
    for (int i = digits.length(); i < width; i++) {
      b.append('0');
    }
    b.append(digits);
  }

  @Override
  public int compareTo(PartialDate o) {
    int c = start().compareTo(o.start());
    return c != 0 ? c : precision().compareTo(o.precision());
  }
}
