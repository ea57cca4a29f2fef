package org.newsgraph.text;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A sentence: its span in the article text, the text itself and its tokens. Parts of speech are
 * computed on first use only ({@link #pos}): most sentences of an article never need them, and
 * tagging is the most expensive step of the analysis.
 */
public final class Sentence {

  private final int index;
  private final int start;
  private final int end;
  private final String text;
  private final List<Token> tokens;
  private final Function<List<Token>, String[]> tagger;
  private String[] tags;

  /**
   * A sentence without a tagger: {@link #pos} is null for every token.
   *
   * @param index 0-based position in the article
   * @param start offset of the first character
   * @param end offset after the last character
   * @param text the sentence as written ({@code articleText.substring(start, end)})
   * @param tokens the tokens, in order, with article offsets
   */
  public Sentence(int index, int start, int end, String text, List<Token> tokens) {
    this(index, start, end, text, tokens, null);
  }

  /** A sentence whose parts of speech come from {@code tagger} (one tag per token) when asked. */
  public Sentence(int index, int start, int end, String text, List<Token> tokens,
      Function<List<Token>, String[]> tagger) {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("bad sentence span [" + start + ", " + end + ")");
    }
    if (text.length() != end - start) {
      throw new IllegalArgumentException("sentence text does not fit its span");
    }
    this.index = index;
    this.start = start;
    this.end = end;
    this.text = text;
    this.tokens = List.copyOf(tokens);
    this.tagger = tagger;
  }

  public int index() {
    return index;
  }

  public int start() {
    return start;
  }

  public int end() {
    return end;
  }

  public String text() {
    return text;
  }

  public List<Token> tokens() {
    return tokens;
  }

  /**
   * The Universal Dependencies part of speech of token {@code i} ("PROPN", "NOUN"...), or null
   * when the sentence has no tagger. The whole sentence is tagged on the first call.
   */
  public String pos(int i) {
    Objects.checkIndex(i, tokens.size());
    if (tagger == null) {
      return null;
    }
    if (tags == null) {
      String[] t = tagger.apply(tokens);
      if (t.length != tokens.size()) {
        throw new IllegalStateException("tagger gave " + t.length + " tags for " + tokens.size()
            + " tokens");
      }
      tags = t;
    }
    return tags[i];
  }

  /** True when token {@code i} is tagged as a proper noun, or when there is no tagger. */
  public boolean properNounOrUntagged(int i) {
    String p = pos(i);
    return p == null || p.equals("PROPN") || p.equals("X");
  }

  /** The article text between two token indexes (from inclusive, to exclusive). */
  public String span(int from, int to) {
    if (from >= to) {
      return "";
    }
    return text.substring(tokens.get(from).start() - start, tokens.get(to - 1).end() - start);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sentence s && s.index == index && s.start == start && s.end == end
        && s.text.equals(text) && s.tokens.equals(tokens);
  }

  @Override
  public int hashCode() {
    return Objects.hash(index, start, end, text, tokens);
  }

  @Override
  public String toString() {
    return "Sentence[" + index + ", " + start + "-" + end + ": " + text + "]";
  }
}
