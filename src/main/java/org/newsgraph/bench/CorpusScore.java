package org.newsgraph.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.newsgraph.extract.Entity;
import org.newsgraph.extract.Event;
import org.newsgraph.extract.EventClass;
import org.newsgraph.extract.Extraction;
import org.newsgraph.extract.Status;

/**
 * Scores extractions against the events a generated corpus states. An expected event is found
 * when an extracted event has its class, status, participants and date (strict), or its class and
 * participants (relaxed). Only the classes selected count, on both sides.
 */
public final class CorpusScore {

  private final Predicate<EventClass> classes;
  private int expected;
  private int extracted;
  private int strictHits;
  private int relaxedHits;
  private int extractedMatched;
  private final Map<String, int[]> byTemplate = new TreeMap<>();
  private final List<String> misses = new ArrayList<>();
  private final List<String> falseHits = new ArrayList<>();

  public CorpusScore(Predicate<EventClass> classes) {
    this.classes = Objects.requireNonNull(classes, "classes");
  }

  /** Adds one article: the events it states and what the pipeline read from it. */
  public void add(GeneratedArticle a, Extraction x) {
    List<Event> got = x.events().stream().filter(e -> classes.test(e.type())).toList();
    List<ExpectedEvent> want = a.expected().stream().filter(e -> classes.test(e.type())).toList();
    expected += want.size();
    extracted += got.size();
    for (ExpectedEvent w : want) {
      int[] t = byTemplate.computeIfAbsent(w.type().localName() + " " + w.template(),
          k -> new int[2]);
      t[0]++;
      boolean strict = got.stream().anyMatch(e -> strict(w, e));
      boolean relaxed = strict || got.stream().anyMatch(e -> relaxed(w, e));
      if (strict) {
        strictHits++;
        t[1]++;
      } else if (misses.size() < 200) {
        misses.add(a.id() + " " + w.toJson() + " got " + describe(got));
      }
      if (relaxed) {
        relaxedHits++;
      }
    }
    for (Event e : got) {
      if (want.stream().anyMatch(w -> strict(w, e))) {
        extractedMatched++;
      } else if (falseHits.size() < 200) {
        falseHits.add(a.id() + " " + describe(List.of(e)));
      }
    }
  }

  static boolean strict(ExpectedEvent w, Event e) {
    return relaxed(w, e) && w.status() == e.status()
        && Objects.equals(w.date(), e.date() == null ? null : e.date().toString());
  }

  static boolean relaxed(ExpectedEvent w, Event e) {
    if (w.type() != e.type()) {
      return false;
    }
    List<String> refs = e.participants().stream().map(CorpusScore::ref).sorted().toList();
    return refs.equals(w.participants());
  }

  static String ref(Entity e) {
    return e.qid() != null ? e.qid() : e.nameFr();
  }

  private static String describe(List<Event> events) {
    StringBuilder b = new StringBuilder("[");
    for (Event e : events) {
      b.append(b.length() > 1 ? "; " : "").append(e.type().localName()).append(' ')
          .append(e.status().localName()).append(' ')
          .append(e.participants().stream().map(CorpusScore::ref).sorted().toList()).append(' ')
          .append(e.date());
    }
    return b.append(']').toString();
  }

  public int expected() {
    return expected;
  }

  public int extracted() {
    return extracted;
  }

  /** Expected events found with class, status, participants and date. */
  public double recall() {
    return expected == 0 ? 1.0 : (double) strictHits / expected;
  }

  /** Expected events found with class and participants, whatever the status and date. */
  public double relaxedRecall() {
    return expected == 0 ? 1.0 : (double) relaxedHits / expected;
  }

  /** Extracted events that match an expected one strictly. */
  public double precision() {
    return extracted == 0 ? 1.0 : (double) extractedMatched / extracted;
  }

  /** Per template: "Class template" -> {expected, found}. */
  public Map<String, int[]> byTemplate() {
    return byTemplate;
  }

  public List<String> misses() {
    return misses;
  }

  public List<String> falseHits() {
    return falseHits;
  }

  /** A short report: figures, then recall per template. */
  public String summary() {
    StringBuilder b = new StringBuilder(String.format(
        "expected %d, extracted %d, recall %.3f (relaxed %.3f), precision %.3f%n", expected,
        extracted, recall(), relaxedRecall(), precision()));
    byTemplate.forEach((k, v) -> b.append(String.format("  %-45s %5d/%-5d %.2f%n", k, v[1], v[0],
        v[0] == 0 ? 1.0 : (double) v[1] / v[0])));
    return b.toString();
  }

  /** Calls only. */
  public static boolean calls(EventClass c) {
    return c == EventClass.PHONE_CALL;
  }

  /** Every class. */
  public static boolean all(EventClass c) {
    return true;
  }

  static Status status(String s) {
    for (Status st : Status.values()) {
      if (st.localName().equals(s)) {
        return st;
      }
    }
    throw new IllegalArgumentException("unknown status '" + s + "'");
  }
}
