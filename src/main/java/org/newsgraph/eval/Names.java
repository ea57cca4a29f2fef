package org.newsgraph.eval;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;

/** How a system entity is matched with a gold entity, and a system event's participants with a gold event's. */
final class Names {

  private Names() {}

  /**
   * Folds a name for comparison: compatibility decomposition, non-ASCII characters dropped,
   * lower case, every run of characters other than a-z and 0-9 made one space, trimmed.
   * "Assimi Goïta" gives "assimi goita", "Jean-Baptiste" gives "jean baptiste".
   */
  static String fold(String s) {
    String d = Normalizer.normalize(s, Normalizer.Form.NFKD);
    StringBuilder b = new StringBuilder(d.length());
    boolean gap = false;
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      if (c >= 0x80) {
        continue;
      }
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (gap && b.length() > 0) {
          b.append(' ');
        }
        gap = false;
        b.append(c);
      } else {
        gap = true;
      }
    }
    return b.toString();
  }

  /** The words of a folded string. */
  static List<String> words(String folded) {
    List<String> out = new ArrayList<>();
    for (String w : folded.split(" ")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  /**
   * Whether a system node stands for the gold entity: by QID when the gold has one; otherwise
   * when one of its labels is the gold's canonical name or one of its surface forms (folded), or
   * when a label contains, as a word, a word of four letters or more of those names.
   */
  static boolean matches(Gold.Entity gold, Node x, SystemGraph s) {
    if (gold.wikidata() != null) {
      return s.qids(x).contains(gold.wikidata());
    }
    Set<String> labels = s.labels(x);
    Set<String> names = new LinkedHashSet<>();
    names.add(fold(gold.canonical()));
    for (String f : gold.surfaceForms()) {
      names.add(fold(f));
    }
    for (String l : labels) {
      if (names.contains(l)) {
        return true;
      }
    }
    Set<String> tokens = new LinkedHashSet<>();
    for (String n : names) {
      for (String t : words(n)) {
        if (t.length() >= 4) {
          tokens.add(t);
        }
      }
    }
    for (String l : labels) {
      List<String> lw = words(l);
      for (String t : tokens) {
        if (lw.contains(t)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the system participants are the gold participants: as many (after removing repeated
   * gold ids), and each gold participant matched with a different system participant. The gold
   * initiator may be matched through one of its alternatives.
   */
  static boolean participantsMatch(Gold.Event gold, Map<String, Gold.Entity> entities,
      Set<Node> system, SystemGraph s) {
    List<String> gp = new ArrayList<>(new LinkedHashSet<>(gold.participants()));
    if (gp.size() != system.size()) {
      return false;
    }
    List<Node> sp = new ArrayList<>(system);
    boolean[][] ok = new boolean[gp.size()][sp.size()];
    for (int i = 0; i < gp.size(); i++) {
      List<String> cands = new ArrayList<>();
      cands.add(gp.get(i));
      if (gp.get(i).equals(gold.initiator())) {
        cands.addAll(gold.initiatorAlternatives());
      }
      for (int j = 0; j < sp.size(); j++) {
        for (String c : cands) {
          Gold.Entity ge = entities.get(c);
          if (ge != null && matches(ge, sp.get(j), s)) {
            ok[i][j] = true;
            break;
          }
        }
      }
    }
    return assign(ok, 0, new boolean[sp.size()]);
  }

  private static boolean assign(boolean[][] ok, int i, boolean[] used) {
    if (i == ok.length) {
      return true;
    }
    for (int j = 0; j < used.length; j++) {
      if (!used[j] && ok[i][j]) {
        used[j] = true;
        if (assign(ok, i + 1, used)) {
          return true;
        }
        used[j] = false;
      }
    }
    return false;
  }
}
