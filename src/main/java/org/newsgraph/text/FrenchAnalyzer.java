package org.newsgraph.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits French text into sentences and tokens, keeping character offsets.
 *
 * <p>Sentences end at {@code . ! ? …} followed by an upper-case start, and at line breaks; not
 * after known abbreviations (M., Mme, Dr...), single initials ("J. Biden") or inside numbers.
 * Tokens split elisions off ({@code l'}, {@code d'}, {@code qu'}, {@code jusqu'}... with ' or ’)
 * and keep hyphenated words whole ("Saint-Pétersbourg", "ouest-africains").
 */
public final class FrenchAnalyzer {

  private static final Set<String> ABBREVIATIONS = Set.of(
      "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "mgr", "st", "ste", "av", "apr", "j.-c",
      "etc", "cf", "p", "no", "n°", "gal", "gén", "col", "cdt", "lt", "sgt", "vol", "art", "env",
      "ex", "fig", "hab", "max", "min", "resp", "vs", "jr", "sr", "inc", "ltd", "co", "corp");

  private static final Set<String> ELISIONS = Set.of(
      "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
      "presqu", "quelqu");

  private final PosTagger tagger;

  /** An analyser without part-of-speech tags. */
  public FrenchAnalyzer() {
    this(null);
  }

  /** An analyser whose sentences give parts of speech (tagged on first use) when a tagger is given. */
  public FrenchAnalyzer(PosTagger tagger) {
    this.tagger = tagger;
  }

  /** The most tokens in one sentence; a longer run of text is cut into pieces of this size. */
  public static final int MAX_SENTENCE_TOKENS = 200;

  /** Splits the text into sentences with their tokens. */
  public List<Sentence> analyse(String text) {
    List<Sentence> out = new ArrayList<>();
    for (int[] span : sentenceSpans(text)) {
      if (Thread.currentThread().isInterrupted()) {
        throw new java.util.concurrent.CancellationException("extraction interrupted (time limit)");
      }
      List<Token> all = tokenize(text, span[0], span[1]);
      // A run-on "sentence" (a list, a table, text without full stops) is cut into pieces of at
      // most MAX_SENTENCE_TOKENS tokens: the work per sentence grows faster than its length.
      for (int from = 0; from < all.size(); from += MAX_SENTENCE_TOKENS) {
        int to = Math.min(all.size(), from + MAX_SENTENCE_TOKENS);
        List<Token> tokens = from == 0 && to == all.size() ? all : new ArrayList<>(all.subList(from, to));
        int start = from == 0 ? span[0] : tokens.get(0).start();
        int end = to == all.size() ? span[1] : tokens.get(tokens.size() - 1).end();
        out.add(new Sentence(out.size(), start, end, text.substring(start, end), tokens,
            tagger == null ? null : tagger::tag));
      }
    }
    return out;
  }

  /** Sentence spans, trimmed of surrounding white space. */
  List<int[]> sentenceSpans(String text) {
    List<int[]> spans = new ArrayList<>();
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        addSpan(text, start, i, spans);
        start = i + 1;
      } else if (c == '.' || c == '!' || c == '?' || c == '…') {
        int end = i + 1;
        while (end < n && (".!?…»\"”)'’".indexOf(text.charAt(end)) >= 0)) {
          end++;
        }
        // French typography: "« Nous verrons. »" puts a space before the closing quote
        int q = end;
        while (q < n && (text.charAt(q) == ' ' || text.charAt(q) == '\u00A0' || text.charAt(q) == '\u202F')) {
          q++;
        }
        if (q > end && q < n && (text.charAt(q) == '»' || text.charAt(q) == '”')) {
          end = q + 1;
        }
        if (isBoundary(text, i, end)) {
          addSpan(text, start, end, spans);
          start = end;
          i = end - 1;
        }
      }
    }
    addSpan(text, start, n, spans);
    return spans;
  }

  private static boolean isBoundary(String text, int punct, int after) {
    int n = text.length();
    if (after >= n) {
      return true;
    }
    if (!Character.isWhitespace(text.charAt(after))) {
      return false;
    }
    int j = after;
    while (j < n && Character.isWhitespace(text.charAt(j)) && text.charAt(j) != '\n') {
      j++;
    }
    if (j >= n || text.charAt(j) == '\n') {
      return true;
    }
    char next = text.charAt(j);
    if ("«\"“—–-(".indexOf(next) >= 0) {
      int k = j + 1;
      while (k < n && Character.isWhitespace(text.charAt(k))) {
        k++;
      }
      next = k < n ? text.charAt(k) : 'a';
    }
    if (!(Character.isUpperCase(next) || Character.isDigit(next))) {
      return false;
    }
    if (text.charAt(punct) != '.') {
      return true;
    }
    // The word before the period: abbreviation or initial?
    int w = punct;
    while (w > 0 && !Character.isWhitespace(text.charAt(w - 1)) && text.charAt(w - 1) != '('
        && text.charAt(w - 1) != '«') {
      w--;
    }
    String word = text.substring(w, punct);
    if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
      return false;
    }
    return !ABBREVIATIONS.contains(Fold.key(word));
  }

  private static void addSpan(String text, int from, int to, List<int[]> spans) {
    while (from < to && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    if (to > from) {
      spans.add(new int[] {from, to});
    }
  }

  /** Tokens of {@code text[from, to)} with article offsets. */
  public List<Token> tokenize(String text, int from, int to) {
    List<Token> out = new ArrayList<>();
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (Character.isLetterOrDigit(c)) {
        int j = i;
        while (j < to && isWordPart(text, j, to)) {
          j++;
        }
        emitWord(text, i, j, out);
        i = j;
      } else {
        out.add(token(text, i, i + 1));
        i++;
      }
    }
    return out;
  }

  private static boolean isWordPart(String text, int j, int to) {
    char c = text.charAt(j);
    if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
      return true;
    }
    boolean inner = j + 1 < to && Character.isLetterOrDigit(text.charAt(j + 1)) && j > 0
        && Character.isLetterOrDigit(text.charAt(j - 1));
    if (!inner) {
      return false;
    }
    if (c == '-' || c == '\'' || c == '’') {
      return true;
    }
    // 3.5 or 1,5: decimal numbers
    return (c == '.' || c == ',') && Character.isDigit(text.charAt(j - 1))
        && Character.isDigit(text.charAt(j + 1));
  }

  /** Emits a word, splitting leading elisions ("l'", "qu'") and "aujourd'hui" kept whole. */
  private static void emitWord(String text, int from, int to, List<Token> out) {
    int i = from;
    while (true) {
      int apo = -1;
      for (int k = i; k < to; k++) {
        char c = text.charAt(k);
        if (c == '\'' || c == '’') {
          apo = k;
          break;
        }
      }
      if (apo < 0) {
        break;
      }
      String head = Fold.key(text.substring(i, apo));
      if (!ELISIONS.contains(head) || Fold.key(text.substring(i, to)).startsWith("aujourd")) {
        break;
      }
      out.add(token(text, i, apo + 1));
      i = apo + 1;
    }
    if (i < to) {
      out.add(token(text, i, to));
    }
  }

  private static Token token(String text, int from, int to) {
    String t = text.substring(from, to);
    return new Token(t, from, to, Fold.key(t));
  }
}
