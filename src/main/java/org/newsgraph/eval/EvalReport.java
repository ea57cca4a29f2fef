package org.newsgraph.eval;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.newsgraph.eval.ArticleScore.Counts;
import org.newsgraph.eval.ArticleScore.Finding;

/** The scores of a set of articles: totals per category and the printed table. */
public final class EvalReport {

  private final List<ArticleScore> articles;

  public EvalReport(List<ArticleScore> articles) {
    this.articles = List.copyOf(articles);
  }

  public List<ArticleScore> articles() {
    return articles;
  }

  /** (a) Diplomatic interactions that occurred, over all articles. */
  public Counts interactions() {
    return sum(ArticleScore::interactions);
  }

  /** One category of counts summed over the articles. */
  private Counts sum(java.util.function.Function<ArticleScore, Counts> category) {
    return articles.stream().map(category).reduce(Counts.ZERO, Counts::plus);
  }

  /** (b) Interactions asserted as occurred that the gold gives with another status. */
  public int wronglyAsserted() {
    int n = 0;
    for (ArticleScore a : articles) {
      n += a.wronglyAsserted();
    }
    return n;
  }

  /** (c) Wikidata links. */
  public Counts links() {
    return sum(ArticleScore::links);
  }

  /** (c) GeoNames links. */
  public Counts geonames() {
    return sum(ArticleScore::geonames);
  }

  /** (d) Other events by ontology class. */
  public Map<String, Counts> otherByClass() {
    Map<String, Counts> m = new TreeMap<>();
    for (ArticleScore a : articles) {
      a.other().forEach((k, v) -> m.merge(k, v, Counts::plus));
    }
    return m;
  }

  /** (d) Other events of all classes. */
  public Counts otherTotal() {
    Counts c = Counts.ZERO;
    for (Counts x : otherByClass().values()) {
      c = c.plus(x);
    }
    return c;
  }

  /** Articles for which the system gave no output. */
  public int missingOutputs() {
    int n = 0;
    for (ArticleScore a : articles) {
      if (a.noOutput()) {
        n++;
      }
    }
    return n;
  }

  /** The report as JSON: totals per category, then each article's counts and findings. */
  public String toJson() {
    org.apache.jena.atlas.json.JsonObject root = new org.apache.jena.atlas.json.JsonObject();
    root.put("interactions", json(interactions()));
    root.put("wronglyAsserted", wronglyAsserted());
    root.put("links", json(links()));
    root.put("geonames", json(geonames()));
    root.put("other", json(otherTotal()));
    org.apache.jena.atlas.json.JsonObject byClass = new org.apache.jena.atlas.json.JsonObject();
    otherByClass().forEach((k, v) -> byClass.put(k, json(v)));
    root.put("otherByClass", byClass);
    root.put("missingOutputs", missingOutputs());
    org.apache.jena.atlas.json.JsonArray list = new org.apache.jena.atlas.json.JsonArray();
    for (ArticleScore a : articles) {
      org.apache.jena.atlas.json.JsonObject o = new org.apache.jena.atlas.json.JsonObject();
      o.put("article", a.name());
      o.put("noOutput", a.noOutput());
      o.put("interactions", json(a.interactions()));
      o.put("wronglyAsserted", a.wronglyAsserted());
      o.put("links", json(a.links()));
      o.put("other", json(a.otherTotal()));
      org.apache.jena.atlas.json.JsonArray findings = new org.apache.jena.atlas.json.JsonArray();
      for (Finding f : a.findings()) {
        org.apache.jena.atlas.json.JsonObject fo = new org.apache.jena.atlas.json.JsonObject();
        fo.put("kind", f.kind().name().toLowerCase(java.util.Locale.ROOT));
        fo.put("text", f.text());
        findings.add(fo);
      }
      o.put("findings", findings);
      list.add(o);
    }
    root.put("articles", list);
    return root.toString();
  }

  private static org.apache.jena.atlas.json.JsonObject json(Counts c) {
    org.apache.jena.atlas.json.JsonObject o = new org.apache.jena.atlas.json.JsonObject();
    o.put("precision", org.apache.jena.atlas.json.JsonNumber.value(c.precision()));
    o.put("recall", org.apache.jena.atlas.json.JsonNumber.value(c.recall()));
    o.put("f1", org.apache.jena.atlas.json.JsonNumber.value(c.f1()));
    o.put("tp", c.tp());
    o.put("fp", c.fp());
    o.put("fn", c.fn());
    return o;
  }

  /** Two decimals, rounded from the exact value of the double, ties to even (as Python prints). */
  static String two(double d) {
    return new BigDecimal(d).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** The last line: the same summary line as the reference scorer's. */
  public String summaryLine() {
    return "SUMMARY interactionsF1=" + two(interactions().f1()) + " wronglyAsserted=" + wronglyAsserted()
        + " linksF1=" + two(links().f1()) + " otherF1=" + two(otherTotal().f1())
        + " missingOutputs=" + missingOutputs();
  }

  /**
   * Prints the per-article counts, the table of scores, the misses and false hits of each article
   * (with the hits too when verbose) and the summary line.
   */
  public void print(PrintWriter out, boolean verbose) {
    out.printf("%-24s %-18s%-18s%-18s%s%n", "ARTICLE", "INTERACTIONS", "QIDS", "GEONAMES",
        "OTHER EVENTS");
    out.printf("%-24s %-18s%-18s%-18s%s%n", "", "gold  sys   tp", "gold  sys   tp",
        "gold  sys   tp", "gold  sys   tp");
    for (ArticleScore a : articles) {
      out.printf("%-24s %s    %s    %s    %s%s%n", a.name(), row(a.interactions()), row(a.links()),
          row(a.geonames()), row(a.otherTotal()), a.noOutput() ? "    NO OUTPUT" : "");
    }
    out.println();
    out.printf("%-46s %5s %5s %5s %5s %5s %5s%n", "CATEGORY", "P", "R", "F1", "TP", "FP", "FN");
    line(out, "(a) diplomatic interactions that occurred", interactions());
    out.printf("%-46s %5d   (among the FP of (a): gold says planned,%n",
        "(b) interactions wrongly asserted as occurred", wronglyAsserted());
    out.printf("%-55s hypothetical, denied, habitual...)%n", "");
    line(out, "(c) entity links: Wikidata QIDs", links());
    line(out, "    entity links: GeoNames ids", geonames());
    line(out, "(d) other events, all classes", otherTotal());
    otherByClass().forEach((k, v) -> line(out, "      " + k, v));
    if (missingOutputs() > 0) {
      out.printf("%d article(s) without output: everything in their gold is counted as missed.%n",
          missingOutputs());
    }
    out.println();
    out.println(verbose ? "Hits, misses and false hits by article:" : "Misses and false hits by article:");
    for (ArticleScore a : articles) {
      List<Finding> fs = a.findings().stream().filter(f -> verbose || f.isError()).toList();
      if (fs.isEmpty() && !a.noOutput()) {
        out.printf("%s: nothing missed, nothing wrong%n", a.name());
        continue;
      }
      out.printf("%s:%s%n", a.name(), a.noOutput() ? " NO OUTPUT" : "");
      for (Finding f : fs) {
        out.printf("  %-20s %s%n", label(f.kind()), f.text());
      }
    }
    out.println();
    out.println(summaryLine());
    out.flush();
  }

  private static String row(Counts c) {
    return String.format("%4d %4d %4d", c.gold(), c.system(), c.tp());
  }

  private static void line(PrintWriter out, String name, Counts c) {
    out.printf("%-46s %5s %5s %5s %5d %5d %5d%n", name, two(c.precision()), two(c.recall()),
        two(c.f1()), c.tp(), c.fp(), c.fn());
  }

  private static String label(ArticleScore.Kind k) {
    return switch (k) {
      case HIT -> "hit";
      case MISS -> "missed";
      case FALSE_HIT -> "false hit";
      case WRONGLY_ASSERTED -> "wrongly asserted";
      case MISSING_LINK -> "missing links";
      case EXTRA_LINK -> "extra links";
      case OTHER_HIT -> "hit (other)";
      case OTHER_MISS -> "missed (other)";
      case OTHER_FALSE_HIT -> "false hit (other)";
    };
  }
}
