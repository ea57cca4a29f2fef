package org.newsgraph.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The French language knowledge of the extractor, read from {@code lexicon.tsv}: event triggers,
 * status cues, titles, reporting verbs, topic markers and group words. Every entry has a stable id
 * that is recorded as provenance on the facts it produces.
 */
public final class Lexicon {

  /**
   * One entry.
   *
   * @param id stable id, e.g. "trigger.call.entretien-telephonique"
   * @param kind what it is for (trigger, phone, status, role, report, topic, group, ...)
   * @param value its value for that kind (an event class, a status, an office role...)
   * @param pattern the token pattern
   * @param line line in lexicon.tsv
   */
  public record Entry(String id, String kind, String value, TokenPattern pattern, int line) {}

  private final List<Entry> entries;

  private Lexicon(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** The lexicon bundled in the jar. */
  public static Lexicon bundled() {
    return Holder.BUNDLED;
  }

  private static final class Holder {
    static final Lexicon BUNDLED = load(Lexicon.class.getResourceAsStream("lexicon.tsv"), "lexicon.tsv");
  }

  /** Reads a lexicon: id, kind, value, pattern, tab-separated; '#' starts a comment line. */
  public static Lexicon load(InputStream in, String name) {
    if (in == null) {
      throw new IllegalStateException("lexicon missing: " + name);
    }
    List<Entry> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#") || line.startsWith("id\t")) {
          continue;
        }
        String[] c = line.split("\t");
        if (c.length != 4) {
          throw new IllegalArgumentException(name + ":" + n + ": expected 4 tab-separated columns, found "
              + c.length);
        }
        if (!ids.add(c[0])) {
          throw new IllegalArgumentException(name + ":" + n + ": duplicate id '" + c[0] + "'");
        }
        try {
          out.add(new Entry(c[0], c[1], c[2], new TokenPattern(c[3]), n));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(name + ":" + n + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Lexicon(out);
  }

  /** Entries of one kind, in file order. */
  public List<Entry> ofKind(String kind) {
    return entries.stream().filter(e -> e.kind().equals(kind)).toList();
  }

  public List<Entry> all() {
    return entries;
  }
}
