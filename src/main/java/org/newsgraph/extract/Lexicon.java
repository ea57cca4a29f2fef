package org.newsgraph.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsgraph.text.Token;

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

  /** A match of an entry over tokens {@code from} (inclusive) to {@code to} (exclusive). */
  public record Match(Entry entry, int from, int to) {}

  /**
   * The entries of one kind indexed by the words their patterns start with, so that a token is
   * tried only against the entries that may start there.
   */
  private static final class KindIndex {
    final List<Entry> entries;
    final Map<String, int[]> byFirstWord = new HashMap<>();
    final int[] open;

    KindIndex(List<Entry> entries) {
      this.entries = entries;
      Map<String, List<Integer>> words = new HashMap<>();
      List<Integer> openList = new ArrayList<>();
      for (int n = 0; n < entries.size(); n++) {
        TokenPattern p = entries.get(n).pattern();
        for (String w : p.firstWords()) {
          words.computeIfAbsent(w, x -> new ArrayList<>()).add(n);
        }
        if (p.firstIsOpen()) {
          openList.add(n);
        }
      }
      words.forEach((w, l) -> byFirstWord.put(w, l.stream().mapToInt(Integer::intValue).toArray()));
      open = openList.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  private final List<Entry> entries;
  /** Entries by kind, in file order: the extractor asks for a kind once per token. */
  private final Map<String, List<Entry>> byKind;
  private final Map<String, KindIndex> index;

  private Lexicon(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    Map<String, List<Entry>> k = new HashMap<>();
    for (Entry e : this.entries) {
      k.computeIfAbsent(e.kind(), x -> new ArrayList<>()).add(e);
    }
    k.replaceAll((kind, list) -> List.copyOf(list));
    this.byKind = Map.copyOf(k);
    Map<String, KindIndex> idx = new HashMap<>();
    byKind.forEach((kind, list) -> idx.put(kind, new KindIndex(list)));
    this.index = Map.copyOf(idx);
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
    return byKind.getOrDefault(kind, List.of());
  }

  /**
   * Every match of the entries of a kind that starts at a token of {@code tokens}, in the order of
   * trying each entry (file order) at each token in turn: the same matches, in the same order, as
   * {@code for (Entry e : ofKind(kind)) for (int i...) e.pattern().matchAt(tokens, i)}, keeping
   * those that cover at least one token, but only the entries that can start at a token are tried.
   */
  public List<Match> matches(String kind, List<Token> tokens) {
    KindIndex k = index.get(kind);
    if (k == null || tokens.isEmpty()) {
      return List.of();
    }
    List<long[]> hits = null;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      int[] exact = k.byFirstWord.get(t.key());
      if (exact != null) {
        hits = tryAt(k, exact, tokens, i, hits, false);
      }
      if (k.open.length > 0) {
        hits = tryAt(k, k.open, tokens, i, hits, exact != null);
      }
    }
    if (hits == null) {
      return List.of();
    }
    hits.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    List<Match> out = new ArrayList<>(hits.size());
    for (long[] h : hits) {
      out.add(new Match(k.entries.get((int) h[0]), (int) h[1], (int) h[2]));
    }
    return out;
  }

  private static List<long[]> tryAt(KindIndex k, int[] candidates, List<Token> tokens, int i,
      List<long[]> hits, boolean skipExact) {
    for (int n : candidates) {
      TokenPattern p = k.entries.get(n).pattern();
      if (skipExact && p.firstWords().contains(tokens.get(i).key())) {
        continue; // tried already through its first word
      }
      int end = p.matchAt(tokens, i);
      if (end > i) {
        if (hits == null) {
          hits = new ArrayList<>();
        }
        hits.add(new long[] {n, i, end});
      }
    }
    return hits;
  }

  public List<Entry> all() {
    return entries;
  }
}
