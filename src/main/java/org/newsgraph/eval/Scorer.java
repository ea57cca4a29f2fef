package org.newsgraph.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.newsgraph.eval.ArticleScore.Counts;
import org.newsgraph.eval.ArticleScore.Finding;
import org.newsgraph.eval.ArticleScore.Kind;

/**
 * Scores a system's RDF output for one article against the article's gold, with the rules of the
 * evaluation set's reference scorer ({@code score.py}):
 *
 * <ol>
 *   <li>Diplomatic interactions (gold PhoneCall, Conversation, Meeting, Visit, Summit with status
 *       occurred) against system events of a subclass of {@code ng:Interaction} asserted as
 *       occurred (status {@code ng:Occurred} or no status). A gold event takes the first free
 *       system event whose participants are the gold participants one to one (by QID where the
 *       gold has one, else by name) and, when the gold date is resolvable from the header, which
 *       has that date among its {@code ng:date} values. A gold PhoneCall needs a subclass of
 *       {@code ng:PhoneCall}.
 *   <li>Every unmatched system interaction is a false positive; it is also counted as wrongly
 *       asserted when its participants are those of a gold interaction whose status is not
 *       occurred.
 *   <li>Entity links: the QIDs {@code owl:sameAs} of the entities the output mentions
 *       ({@code schema:mentions}) or lets take part in an event, against the gold QIDs; a QID not
 *       in the gold is not counted when its entity matches, by name, a gold entity that has no
 *       QID. GeoNames ids are scored the same way against the gold GeoNames ids (not in
 *       {@code score.py}).
 *   <li>Other events (Attack, Coup, Accusation, Threat, Vote, Sanctions, Condolence, Thanks,
 *       Support, Statement) with status occurred against system events asserted as occurred of
 *       the matching class that are not interactions: a gold event takes the first free system
 *       event in which some gold participant matches some system participant (when the gold
 *       lists participants) and whose dates, if it has any, include the gold date (if given).
 * </ol>
 *
 * System events are tried in the order of their IRIs.
 */
public final class Scorer {

  /** Gold types scored as diplomatic interactions. */
  public static final Set<String> INTERACTIONS =
      Set.of("PhoneCall", "Conversation", "Meeting", "Visit", "Summit");

  /** Gold types scored as other events, with their ontology class. */
  public static final Map<String, String> OTHER = otherClasses();

  private static Map<String, String> otherClasses() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String t : List.of("Attack", "Coup", "Accusation", "Threat", "Vote", "Condolence", "Thanks",
        "Support", "Statement")) {
      m.put(t, t);
    }
    m.put("Sanctions", "Sanction");
    return java.util.Collections.unmodifiableMap(m);
  }

  private final Ontology onto;
  private final Set<Node> interactionClasses;
  private final Set<Node> callClasses;
  private final Map<String, Set<Node>> otherClosures = new LinkedHashMap<>();

  public Scorer(Ontology onto) {
    this.onto = onto;
    this.interactionClasses = onto.classClosure(Ontology.ng("Interaction"));
    this.callClasses = onto.classClosure(Ontology.ng("PhoneCall"));
    for (String c : new TreeSet<>(OTHER.values())) {
      otherClosures.put(c, onto.classClosure(Ontology.ng(c)));
    }
  }

  /**
   * Scores the output for one article.
   *
   * @param gold the article's gold
   * @param output the system's output for the article, or null when it gave none
   */
  public ArticleScore score(Gold gold, DatasetGraph output) {
    Map<String, Gold.Entity> gents = gold.entitiesById();
    List<Gold.Event> gi = new ArrayList<>();
    List<Gold.Event> gnon = new ArrayList<>();
    List<Gold.Event> go = new ArrayList<>();
    for (Gold.Event e : gold.events()) {
      if (INTERACTIONS.contains(e.type())) {
        (e.occurred() ? gi : gnon).add(e);
      } else if (OTHER.containsKey(e.type()) && e.occurred()) {
        go.add(e);
      }
    }
    Set<String> gq = gold.qids();
    Set<String> gg = gold.geonamesIds();
    List<Finding> findings = new ArrayList<>();
    Map<String, Counts> other = new TreeMap<>();

    if (output == null) {
      for (Gold.Event g : gi) {
        findings.add(new Finding(Kind.MISS, describe(g, gents, true)));
      }
      for (Gold.Event g : go) {
        other.merge(OTHER.get(g.type()), new Counts(1, 0, 0, 0, 1), Counts::plus);
        findings.add(new Finding(Kind.OTHER_MISS, describe(g, gents, false)));
      }
      return new ArticleScore(gold.name(), true, new Counts(gi.size(), 0, 0, 0, gi.size()), 0,
          new Counts(gq.size(), 0, 0, 0, gq.size()), new Counts(gg.size(), 0, 0, 0, gg.size()),
          other, findings);
    }

    SystemGraph s = SystemGraph.of(output, onto);
    List<Node> si = new ArrayList<>();
    List<Node> so = new ArrayList<>();
    for (Node e : s.events()) {
      if (!s.occurred(e)) {
        continue;
      }
      if (s.isA(e, interactionClasses)) {
        si.add(e);
      } else if (otherClass(s, e) != null) {
        so.add(e);
      }
    }

    // (a) and (b): interactions
    Set<Node> used = new HashSet<>();
    int tp = 0;
    int fn = 0;
    for (Gold.Event g : gi) {
      Node hit = null;
      for (Node e : si) {
        if (used.contains(e)) {
          continue;
        }
        if (g.type().equals("PhoneCall") && !s.isA(e, callClasses)) {
          continue;
        }
        if (!Names.participantsMatch(g, gents, s.participants(e), s)) {
          continue;
        }
        if (g.date() != null && g.resolvableFromHeader() && !s.dates(e).contains(g.date())) {
          continue;
        }
        hit = e;
        break;
      }
      if (hit != null) {
        used.add(hit);
        tp++;
        findings.add(new Finding(Kind.HIT, describe(g, gents, true) + "  <-  " + describe(s, hit)));
      } else {
        fn++;
        findings.add(new Finding(Kind.MISS, describe(g, gents, true)));
      }
    }
    int fp = 0;
    int wrong = 0;
    for (Node e : si) {
      if (used.contains(e)) {
        continue;
      }
      fp++;
      Gold.Event said = null;
      for (Gold.Event g : gnon) {
        if (Names.participantsMatch(g, gents, s.participants(e), s)) {
          said = g;
          break;
        }
      }
      if (said != null) {
        wrong++;
        findings.add(new Finding(Kind.WRONGLY_ASSERTED, describe(s, e) + "  (gold: " + said.type() + " "
            + said.status() + ")"));
      } else {
        findings.add(new Finding(Kind.FALSE_HIT, describe(s, e)));
      }
    }
    Counts interactions = new Counts(gi.size(), si.size(), tp, fp, fn);

    // (c) entity links
    Set<Node> mentioned = s.mentioned();
    Counts links = links(gq, gents, mentioned, s, false, findings);
    Counts geonames = links(gg, gents, mentioned, s, true, findings);

    // (d) other events
    for (Node e : so) {
      other.merge(otherClass(s, e), new Counts(0, 1, 0, 0, 0), Counts::plus);
    }
    used.clear();
    for (Gold.Event g : go) {
      String cls = OTHER.get(g.type());
      Set<Node> closure = otherClosures.get(cls);
      Node hit = null;
      for (Node e : so) {
        if (used.contains(e) || !s.isA(e, closure)) {
          continue;
        }
        if (!g.participants().isEmpty() && !anyParticipantMatches(g, gents, s.participants(e), s)) {
          continue;
        }
        Set<String> d = s.dates(e);
        if (g.date() != null && !d.isEmpty() && !d.contains(g.date())) {
          continue;
        }
        hit = e;
        break;
      }
      if (hit != null) {
        used.add(hit);
        other.merge(cls, new Counts(1, 0, 1, 0, 0), Counts::plus);
        findings.add(new Finding(Kind.OTHER_HIT, describe(g, gents, false) + "  <-  " + describe(s, hit)));
      } else {
        other.merge(cls, new Counts(1, 0, 0, 0, 1), Counts::plus);
        findings.add(new Finding(Kind.OTHER_MISS, describe(g, gents, false)));
      }
    }
    for (Node e : so) {
      if (!used.contains(e)) {
        other.merge(otherClass(s, e), new Counts(0, 0, 0, 1, 0), Counts::plus);
        findings.add(new Finding(Kind.OTHER_FALSE_HIT, describe(s, e)));
      }
    }
    return new ArticleScore(gold.name(), false, interactions, wrong, links, geonames, other, findings);
  }

  /** The class among the other-event classes that the event belongs to, the narrowest first. */
  private String otherClass(SystemGraph s, Node e) {
    String best = null;
    for (Map.Entry<String, Set<Node>> c : otherClosures.entrySet()) {
      if (s.isA(e, c.getValue())
          && (best == null || c.getValue().size() < otherClosures.get(best).size())) {
        best = c.getKey();
      }
    }
    return best;
  }

  private static boolean anyParticipantMatches(Gold.Event g, Map<String, Gold.Entity> gents,
      Set<Node> parts, SystemGraph s) {
    for (String p : g.participants()) {
      Gold.Entity ge = gents.get(p);
      if (ge == null) {
        continue;
      }
      for (Node x : parts) {
        if (Names.matches(ge, x, s)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Links of one kind: identifiers of the mentioned entities against the gold's. An identifier
   * outside the gold is not counted when its entity matches a gold entity that lacks such an
   * identifier (the gold has nothing to say about it).
   */
  private static Counts links(Set<String> gold, Map<String, Gold.Entity> gents, Set<Node> mentioned,
      SystemGraph s, boolean geo, List<Finding> findings) {
    List<Gold.Entity> neutral = new ArrayList<>();
    for (Gold.Entity g : gents.values()) {
      if ((geo ? g.geonames() : g.wikidata()) == null) {
        neutral.add(g);
      }
    }
    Map<String, String> found = new TreeMap<>();
    for (Node x : mentioned) {
      for (String id : geo ? s.geonames(x) : s.qids(x)) {
        if (gold.contains(id)) {
          found.putIfAbsent(id, s.displayLabel(x));
        } else {
          boolean excused = false;
          for (Gold.Entity n : neutral) {
            if (Names.matches(n, x, s)) {
              excused = true;
              break;
            }
          }
          if (!excused) {
            found.putIfAbsent(id, s.displayLabel(x));
          }
        }
      }
    }
    int tp = 0;
    List<String> extra = new ArrayList<>();
    for (Map.Entry<String, String> f : found.entrySet()) {
      if (gold.contains(f.getKey())) {
        tp++;
      } else {
        extra.add(f.getKey() + " " + f.getValue());
      }
    }
    List<String> missing = new ArrayList<>();
    for (String id : new TreeSet<>(gold)) {
      if (!found.containsKey(id)) {
        missing.add(id + " " + goldName(gents, id, geo));
      }
    }
    String what = geo ? "GeoNames" : "QIDs";
    if (!extra.isEmpty()) {
      findings.add(new Finding(Kind.EXTRA_LINK, what + " not in the gold: " + String.join(", ", extra)));
    }
    if (!missing.isEmpty()) {
      findings.add(new Finding(Kind.MISSING_LINK, what + " not linked: " + String.join(", ", missing)));
    }
    return new Counts(gold.size(), found.size(), tp, found.size() - tp, gold.size() - tp);
  }

  private static String goldName(Map<String, Gold.Entity> gents, String id, boolean geo) {
    for (Gold.Entity g : gents.values()) {
      if (id.equals(geo ? g.geonames() : g.wikidata())) {
        return g.canonical();
      }
    }
    return "?";
  }

  /** A gold event: type, participants, date. */
  static String describe(Gold.Event g, Map<String, Gold.Entity> gents, boolean interaction) {
    List<String> ps = new ArrayList<>();
    for (String p : g.participants()) {
      Gold.Entity ge = gents.get(p);
      ps.add(ge == null ? p : ge.display());
    }
    String date;
    if (g.date() == null) {
      date = "no date";
    } else if (interaction && !g.resolvableFromHeader()) {
      date = g.date() + " (date not scored: not resolvable from the header)";
    } else {
      date = g.date();
    }
    return g.type() + " [" + String.join(" + ", ps) + "] " + date;
  }

  /** A system event: its classes, participants (label and QID) and dates. */
  static String describe(SystemGraph s, Node e) {
    Set<String> types = new TreeSet<>();
    for (Node t : s.types(e)) {
      String u = SystemGraph.text(t);
      types.add(u.substring(Math.max(u.lastIndexOf('#'), u.lastIndexOf('/')) + 1));
    }
    Set<String> ps = new TreeSet<>();
    for (Node x : s.participants(e)) {
      Set<String> q = s.qids(x);
      ps.add(s.displayLabel(x) + (q.isEmpty() ? "" : " (" + String.join(",", q) + ")"));
    }
    Set<String> d = s.dates(e);
    return String.join("/", types) + " [" + String.join(" + ", ps) + "] "
        + (d.isEmpty() ? "no date" : String.join(",", d));
  }
}
