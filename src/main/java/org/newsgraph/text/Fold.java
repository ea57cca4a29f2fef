package org.newsgraph.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folding of French text into matching keys: lower case, accents removed, typographic apostrophes
 * and dashes made plain, ligatures opened, spaces collapsed.
 *
 * <pre>{@code Fold.key("Côte d’Ivoire") -> "cote d'ivoire"}</pre>
 */
public final class Fold {

  private Fold() {}

  /** The folded key of a string. Never changes the number of words. */
  public static String key(String s) {
    String t = s.replace('\u2019', '\'').replace('\u02BC', '\'').replace('\u2018', '\'')
        .replace('\u2010', '-').replace('\u2011', '-').replace('\u2013', '-').replace('\u00A0', ' ')
        .replace('\u202F', ' ')
        .replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE");
    t = Normalizer.normalize(t, Normalizer.Form.NFD);
    StringBuilder b = new StringBuilder(t.length());
    boolean space = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      if (Character.isWhitespace(c)) {
        space = b.length() > 0;
        continue;
      }
      if (space) {
        b.append(' ');
        space = false;
      }
      b.append(c);
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }
}
