package org.newsgraph.text;

import java.util.List;

/**
 * A sentence: its span in the article text, the text itself and its tokens.
 *
 * @param index 0-based position in the article
 * @param start offset of the first character
 * @param end offset after the last character
 * @param text the sentence as written ({@code articleText.substring(start, end)})
 * @param tokens the tokens, in order, with article offsets
 */
public record Sentence(int index, int start, int end, String text, List<Token> tokens) {

  public Sentence {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("bad sentence span [" + start + ", " + end + ")");
    }
    if (text.length() != end - start) {
      throw new IllegalArgumentException("sentence text does not fit its span");
    }
    tokens = List.copyOf(tokens);
  }

  /** The article text between two token indexes (from inclusive, to exclusive). */
  public String span(int from, int to) {
    if (from >= to) {
      return "";
    }
    return text.substring(tokens.get(from).start() - start, tokens.get(to - 1).end() - start);
  }
}
