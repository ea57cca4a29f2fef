package org.newsgraph.text;

/**
 * A token with its character span in the article text (end exclusive) and its folded key.
 *
 * @param text the token as written
 * @param start offset of the first character
 * @param end offset after the last character
 * @param key {@link Fold#key folded} form, used for matching
 */
public record Token(String text, int start, int end, String key) {

  public Token {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("bad token span [" + start + ", " + end + ") for '" + text + "'");
    }
    if (text.length() != end - start) {
      throw new IllegalArgumentException(
          "token '" + text + "' does not fit its span [" + start + ", " + end + ")");
    }
  }

  /** True when the token starts with an upper-case letter. */
  public boolean capitalized() {
    return !text.isEmpty() && Character.isUpperCase(text.codePointAt(0));
  }

  /** True when the token is a word (starts with a letter). */
  public boolean word() {
    return !text.isEmpty() && Character.isLetter(text.codePointAt(0));
  }

  /** True when the token is made of digits. */
  public boolean number() {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
