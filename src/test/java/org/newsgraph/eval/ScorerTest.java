package org.newsgraph.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.newsgraph.eval.ArticleScore.Counts;
import org.newsgraph.eval.ArticleScore.Kind;

class ScorerTest {

  private static List<Kind> kinds(ArticleScore s) {
    return s.findings().stream().map(ArticleScore.Finding::kind).toList();
  }

  @Test
  void matchedCallAndConversationOfUnstatedMedium() {
    ArticleScore s = Fixtures.score("call_matched");
    // the call by QIDs and date; the conversation by a meeting, Crane matched by name, date not scored
    assertEquals(new Counts(2, 2, 2, 0, 0), s.interactions());
    assertEquals(0, s.wronglyAsserted());
    assertEquals(List.of(Kind.HIT, Kind.HIT), kinds(s));
    assertEquals(1.0, s.interactions().f1());
  }

  @Test
  void callWithWrongDateIsAMissAndAFalseHit() {
    ArticleScore s = Fixtures.score("call_wrong_date");
    assertEquals(new Counts(1, 1, 0, 1, 1), s.interactions());
    assertEquals(0, s.wronglyAsserted());
    assertEquals(List.of(Kind.MISS, Kind.FALSE_HIT), kinds(s));
    assertEquals(0.0, s.interactions().precision());
    assertEquals(0.0, s.interactions().recall());
    assertTrue(s.findings().get(1).text().contains("2020-05-05"), s.findings().get(1).text());
  }

  @Test
  void missingCall() {
    ArticleScore s = Fixtures.score("call_missing");
    assertEquals(new Counts(2, 1, 1, 0, 1), s.interactions());
    assertEquals(1.0, s.interactions().precision());
    assertEquals(0.5, s.interactions().recall());
    assertEquals(2.0 / 3, s.interactions().f1(), 1e-12);
    assertEquals(List.of(Kind.MISS), kinds(s).stream().filter(k -> k != Kind.HIT).toList());
    assertEquals("PhoneCall [Ann Archer (Q1000011) + Dara Dune (Q1000013)] 2020-05-06",
        s.findings().stream().filter(f -> f.kind() == Kind.MISS).findFirst().orElseThrow().text());
  }

  @Test
  void aCallMustBeTypedAsACall() {
    ArticleScore s = Fixtures.score("call_as_meeting");
    assertEquals(new Counts(1, 1, 0, 1, 1), s.interactions());
    assertEquals(List.of(Kind.MISS, Kind.FALSE_HIT), kinds(s));
  }

  @Test
  void plannedCallAssertedAsOccurred() {
    ArticleScore s = Fixtures.score("call_planned");
    // the event with status Planned is not asserted; the one with status Occurred is wrong
    assertEquals(new Counts(0, 1, 0, 1, 0), s.interactions());
    assertEquals(1, s.wronglyAsserted());
    assertEquals(List.of(Kind.WRONGLY_ASSERTED), kinds(s));
    assertEquals(0.0, s.interactions().precision());
    assertEquals(1.0, s.interactions().recall());
    assertEquals(0.0, s.interactions().f1());
  }

  @Test
  void entityLinks() {
    ArticleScore s = Fixtures.score("links");
    // QIDs: Archer, Bolt (participant only), Dunmore right; Zed extra; Crane's unknown QID not
    // counted; Eve not mentioned; Arden missing
    assertEquals(new Counts(4, 4, 3, 1, 1), s.links());
    assertEquals(0.75, s.links().precision());
    assertEquals(0.75, s.links().recall());
    // GeoNames: Dunmore right, Arden missing
    assertEquals(new Counts(2, 1, 1, 0, 1), s.geonames());
    assertEquals(1.0, s.geonames().precision());
    assertEquals(0.5, s.geonames().recall());
    List<String> texts = s.findings().stream().map(ArticleScore.Finding::text).toList();
    assertEquals(List.of("QIDs not in the gold: Q1000099 Zed Zorn", "QIDs not linked: Q1000001 Arden",
        "GeoNames not linked: 9000001 Arden"), texts);
    // the Agreement is no other event, and no interaction
    assertEquals(Counts.ZERO, s.otherTotal());
    assertEquals(Counts.ZERO, s.interactions());
  }

  @Test
  void otherEventsByClass() {
    ArticleScore s = Fixtures.score("other");
    assertEquals(new Counts(4, 4, 2, 2, 2), s.otherTotal());
    assertEquals(Map.of(
        "Attack", new Counts(1, 1, 1, 0, 0),
        "Sanction", new Counts(1, 1, 0, 1, 1),
        "Statement", new Counts(1, 1, 1, 0, 0),
        "Threat", new Counts(1, 1, 0, 1, 1)), s.other());
    // the call is scored as an interaction, not as another event
    assertEquals(new Counts(0, 1, 0, 1, 0), s.interactions());
    long misses = s.findings().stream().filter(f -> f.kind() == Kind.OTHER_MISS).count();
    long falseHits = s.findings().stream().filter(f -> f.kind() == Kind.OTHER_FALSE_HIT).count();
    assertEquals(2, misses);
    assertEquals(2, falseHits);
  }

  @Test
  void noOutputMissesEverything() {
    ArticleScore s = new Scorer(Fixtures.ontology()).score(Fixtures.gold("other"), null);
    assertTrue(s.noOutput());
    assertEquals(new Counts(4, 0, 0, 0, 4), s.otherTotal());
    assertEquals(new Counts(3, 0, 0, 0, 3), s.links());
    assertEquals(Counts.ZERO, s.interactions());
  }

  @Test
  void subclassDeclaredInTheOntologyCounts() {
    Graph onto = GraphMemFactory.createDefaultGraph();
    RDFParser.create().fromString(Fixtures.text("/org/newsgraph/ontology/newsgraph.ttl"))
        .lang(Lang.TURTLE).parse(onto);
    onto.add(NodeFactory.createURI("https://example.org/toy/VideoCall"), RDFS.subClassOf.asNode(),
        Ontology.ng("PhoneCall"));
    String trig = Fixtures.text("out/call_matched.trig")
        .replace("x:call a ng:PhoneCall", "x:call a x:VideoCall");
    DatasetGraph dsg = DatasetGraphFactory.create();
    RDFParser.create().fromString(trig).lang(Lang.TRIG).parse(dsg);
    Gold gold = Fixtures.gold("call_matched");
    assertEquals(new Counts(2, 2, 2, 0, 0), new Scorer(Ontology.of(onto)).score(gold, dsg).interactions());
    // without the declaration the event is no event at all
    assertEquals(new Counts(2, 1, 1, 0, 1), new Scorer(Fixtures.ontology()).score(gold, dsg).interactions());
  }

  @Test
  void totalsAgreeWithTheReferenceScorer() {
    List<ArticleScore> scores = new ArrayList<>();
    for (String n : Fixtures.ALL) {
      scores.add(Fixtures.score(n));
    }
    EvalReport r = new EvalReport(scores);
    assertEquals(new Counts(6, 7, 3, 4, 3), r.interactions());
    assertEquals(1, r.wronglyAsserted());
    assertEquals(new Counts(18, 18, 17, 1, 1), r.links());
    assertEquals(new Counts(4, 4, 2, 2, 2), r.otherTotal());
    // the last line score.py prints for the same gold and output folders
    assertEquals("SUMMARY interactionsF1=0.46 wronglyAsserted=1 linksF1=0.94 otherF1=0.50 missingOutputs=0",
        r.summaryLine());
    StringWriter w = new StringWriter();
    r.print(new PrintWriter(w), false);
    String printed = w.toString();
    assertTrue(printed.strip().endsWith(r.summaryLine()), printed);
    assertTrue(printed.contains("call_matched: nothing missed, nothing wrong"), printed);
  }

  @Test
  void twoDecimalsAsPythonPrintsThem() {
    assertEquals("0.12", EvalReport.two(0.125));
    assertEquals("0.38", EvalReport.two(0.375));
    assertEquals("0.14", EvalReport.two(0.145));
    assertEquals("0.67", EvalReport.two(2.0 / 3));
    assertEquals("1.00", EvalReport.two(1.0));
  }
}
