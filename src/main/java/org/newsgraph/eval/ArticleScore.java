package org.newsgraph.eval;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The score of one article: counts per category and what was missed or wrongly found.
 *
 * @param name the article (gold file name)
 * @param noOutput true when the system gave no output for the article (everything in the gold is
 *     then missed)
 * @param interactions diplomatic interactions that occurred (category a)
 * @param wronglyAsserted interactions asserted as occurred that the gold gives as planned,
 *     hypothetical, denied, habitual... (category b); they are also among the false positives of (a)
 * @param links Wikidata QIDs linked (category c)
 * @param geonames GeoNames ids linked (category c, places)
 * @param other other events by ontology class ("Attack", "Sanction"...) (category d)
 * @param findings misses, false hits and, for the verbose listing, hits, in scoring order
 */
public record ArticleScore(String name, boolean noOutput, Counts interactions, int wronglyAsserted,
    Counts links, Counts geonames, Map<String, Counts> other, List<Finding> findings) {

  public ArticleScore {
    Objects.requireNonNull(name, "name");
    other = Collections.unmodifiableMap(new TreeMap<>(other));
    findings = List.copyOf(findings);
  }

  /** Other events of all classes together. */
  public Counts otherTotal() {
    Counts c = Counts.ZERO;
    for (Counts x : other.values()) {
      c = c.plus(x);
    }
    return c;
  }

  /**
   * Gold and system sizes with true positives, false positives and false negatives.
   *
   * @param gold items in the gold
   * @param system items the system asserted
   * @param tp system items matched with a gold item
   * @param fp system items matched with none
   * @param fn gold items matched with none
   */
  public record Counts(int gold, int system, int tp, int fp, int fn) {

    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0);

    public Counts plus(Counts o) {
      return new Counts(gold + o.gold, system + o.system, tp + o.tp, fp + o.fp, fn + o.fn);
    }

    /** tp / (tp + fp); with nothing asserted, 1 when nothing was to be found, else 0. */
    public double precision() {
      if (tp + fp > 0) {
        return (double) tp / (tp + fp);
      }
      return fn == 0 ? 1.0 : 0.0;
    }

    /** tp / (tp + fn); 1 when nothing was to be found. */
    public double recall() {
      return tp + fn > 0 ? (double) tp / (tp + fn) : 1.0;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
  }

  /** What a finding is about. */
  public enum Kind {
    /** A gold interaction matched (listed in verbose mode). */
    HIT,
    /** A gold interaction the system did not give. */
    MISS,
    /** An interaction asserted as occurred that matches no gold interaction. */
    FALSE_HIT,
    /** A false hit whose participants are those of an interaction the gold says did not occur. */
    WRONGLY_ASSERTED,
    /** A gold QID or GeoNames id the system did not link. */
    MISSING_LINK,
    /** A QID or GeoNames id linked that is not in the gold. */
    EXTRA_LINK,
    /** A gold event of another class matched (listed in verbose mode). */
    OTHER_HIT,
    /** A gold event of another class the system did not give. */
    OTHER_MISS,
    /** An event of another class that matches no gold event. */
    OTHER_FALSE_HIT
  }

  /** One line of the per-article listing. */
  public record Finding(Kind kind, String text) {
    public Finding {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(text, "text");
    }

    /** Whether the finding is an error (a miss or a false hit) rather than a hit. */
    public boolean isError() {
      return kind != Kind.HIT && kind != Kind.OTHER_HIT;
    }
  }
}
