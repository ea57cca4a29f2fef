package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.newsgraph.text.Fold;
import org.newsgraph.text.Token;

/**
 * A pattern over folded tokens, as written in the lexicon.
 *
 * <p>Elements are separated by spaces: {@code word} matches the folded token exactly,
 * {@code word*} any token starting with it, {@code a|b*} either, {@code ~N} skips 0 to N tokens,
 * {@code #} matches a number. Example: {@code "s'|se ~1 entret*"} matches "s'est entretenu",
 * "se sont entretenus".
 */
public final class TokenPattern {

  private final String source;
  private final List<Element> elements;

  private record Element(Set<String> exact, List<String> prefixes, int gap, boolean number) {
    boolean matches(Token t) {
      if (number) {
        return t.number();
      }
      String k = t.key();
      if (exact.contains(k)) {
        return true;
      }
      for (String p : prefixes) {
        if (k.startsWith(p)) {
          return true;
        }
      }
      return false;
    }
  }

  public TokenPattern(String source) {
    this.source = Objects.requireNonNull(source, "source");
    List<Element> els = new ArrayList<>();
    for (String part : source.trim().split("\\s+")) {
      if (part.isEmpty()) {
        continue;
      }
      if (part.startsWith("~")) {
        els.add(new Element(Set.of(), List.of(), parseGap(part), false));
        continue;
      }
      if (part.equals("#")) {
        els.add(new Element(Set.of(), List.of(), 0, true));
        continue;
      }
      List<String> exact = new ArrayList<>();
      List<String> prefixes = new ArrayList<>();
      for (String alt : part.split("\\|")) {
        String a = Fold.key(alt);
        if (a.endsWith("*")) {
          prefixes.add(a.substring(0, a.length() - 1));
        } else {
          exact.add(a);
        }
      }
      els.add(new Element(Set.copyOf(exact), List.copyOf(prefixes), 0, false));
    }
    if (els.isEmpty() || els.get(0).gap > 0 || els.get(els.size() - 1).gap > 0) {
      throw new IllegalArgumentException("pattern must start and end with a word: '" + source + "'");
    }
    this.elements = List.copyOf(els);
  }

  private int parseGap(String part) {
    try {
      int n = Integer.parseInt(part.substring(1));
      if (n < 1 || n > 8) {
        throw new IllegalArgumentException("gap must be ~1 to ~8 in '" + source + "'");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad gap '" + part + "' in '" + source + "'", e);
    }
  }

  /** True when the first element of the pattern accepts the token (a match may start there). */
  boolean startsWith(Token t) {
    return elements.get(0).matches(t);
  }

  /** Folded words the first element accepts exactly (empty when it takes prefixes or numbers only). */
  Set<String> firstWords() {
    return elements.get(0).exact();
  }

  /** True when the first element accepts more than {@link #firstWords} (prefixes, numbers). */
  boolean firstIsOpen() {
    Element first = elements.get(0);
    return first.number() || !first.prefixes().isEmpty();
  }

  /** The end (exclusive) of a match starting at token {@code i}, or -1. Longest match wins. */
  public int matchAt(List<Token> tokens, int i) {
    return match(tokens, i, 0);
  }

  private int match(List<Token> tokens, int i, int e) {
    if (e == elements.size()) {
      return i;
    }
    Element el = elements.get(e);
    if (el.gap > 0) {
      int best = -1;
      for (int skip = 0; skip <= el.gap && i + skip <= tokens.size(); skip++) {
        best = Math.max(best, match(tokens, i + skip, e + 1));
      }
      return best;
    }
    if (i >= tokens.size() || !el.matches(tokens.get(i))) {
      return -1;
    }
    return match(tokens, i + 1, e + 1);
  }

  /** The first match at or after {@code from} and before {@code to}: {start, end}, or null. */
  public int[] find(List<Token> tokens, int from, int to) {
    for (int i = Math.max(0, from); i < Math.min(to, tokens.size()); i++) {
      int end = matchAt(tokens, i);
      if (end > i && end <= to) {
        return new int[] {i, end};
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return source;
  }
}
