package org.newsgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.DatasetGraph;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsgraph.extract.Entity;
import org.newsgraph.extract.Event;
import org.newsgraph.extract.EventClass;
import org.newsgraph.extract.Extraction;
import org.newsgraph.extract.Status;

/** The seed article yields the facts the end-to-end issue lists. */
class SeedTest {

  static Extraction x;
  static Pipeline pipeline;

  @BeforeAll
  static void read() {
    pipeline = Pipeline.builder().build();
    x = pipeline.extract(TestFiles.read(TestFiles.seed()));
  }

  private static Event only(EventClass type) {
    List<Event> l = x.events().stream().filter(e -> e.type() == type).toList();
    assertEquals(1, l.size(), type + ": " + l);
    return l.get(0);
  }

  private static Set<String> ids(List<Entity> es) {
    return es.stream().map(e -> e.qid() != null ? e.qid() : e.key()).collect(Collectors.toSet());
  }

  @Test
  void thePhoneCall() {
    Event call = only(EventClass.PHONE_CALL);
    assertEquals(Set.of("Q7747", "Q98497406"), ids(call.participants()));
    assertEquals("2023-09-10", call.date().toString());
    assertEquals("Q98497406", call.initiator().qid(), "initiated by Mali's side");
    assertEquals(Status.OCCURRED, call.status());
    assertTrue(call.topics().stream().anyMatch(t -> t.contains("Niger")), call.topics().toString());
    assertEquals("kremlin", Optional.ofNullable(call.reportedBy()).map(e -> e.kb().id()).orElse(null));
  }

  @Test
  void theAttack() {
    Event a = only(EventClass.ATTACK);
    assertEquals("2023-09-07", a.date().toString());
    assertEquals(64, a.casualties().killed());
    assertEquals(49, a.casualties().civilians());
    assertEquals(15, a.casualties().military());
    assertTrue(a.casualties().minimum());
    assertEquals("Bamba", a.place().nameFr());
    assertTrue(x.mentions().stream().anyMatch(m -> m.text().equals("Niger")
        && m.entity().type() == org.newsgraph.kb.EntityType.RIVER), "the boat is on the river");
  }

  @Test
  void theCoupTheThreatAndTheAccusation() {
    Event coup = only(EventClass.COUP);
    assertEquals("2023-07-26", coup.date().toString());
    assertEquals("Q1032", coup.place().qid());
    Event threat = only(EventClass.THREAT);
    assertEquals("Q193272", threat.initiator().qid());
    assertEquals("Q1032", threat.target().qid());
    Event acc = only(EventClass.ACCUSATION);
    assertEquals("2023-09", acc.date().toString(), "day missing in the text: month only");
    assertEquals("Q142", acc.target().qid());
    assertEquals("junta:NE", acc.initiator().key());
  }

  @Test
  void condolencesAndThanksBelongToTheCall() {
    int call = x.events().indexOf(only(EventClass.PHONE_CALL));
    Event condolence = only(EventClass.CONDOLENCE);
    assertEquals(call, condolence.partOf());
    assertEquals("Q7747", condolence.initiator().qid());
    Event thanks = only(EventClass.THANKS);
    assertEquals(call, thanks.partOf());
    assertEquals("Q98497406", thanks.initiator().qid());
    assertEquals("Q159", thanks.target().qid());
  }

  @Test
  void theSecurityCouncilVote() {
    assertTrue(ids(only(EventClass.VOTE).participants()).contains("Q37470"));
  }

  @Test
  void theGraphConformsToTheShapesAndRereadsInRdf4j() throws java.io.IOException {
    DatasetGraph dsg = TestFiles.dataset(pipeline.quads(x));
    Graph data = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
    dsg.find().forEachRemaining(q -> data.add(q.asTriple()));
    Shapes shapes = Shapes.parse(RDFDataMgr.loadGraph(TestFiles.shapes().toString()));
    ValidationReport report = ShaclValidator.get().validate(shapes, data);
    if (!report.conforms()) {
      report.getEntries().forEach(en -> System.err.println(en));
    }
    assertTrue(report.conforms(), "SHACL violations: " + report.getEntries().size());
    String trig = TestFiles.trig(dsg);
    Model m = org.eclipse.rdf4j.rio.Rio.parse(new ByteArrayInputStream(trig.getBytes(StandardCharsets.UTF_8)),
        "", RDFFormat.TRIG);
    assertEquals(dsg.stream().count(), m.size());
    assertEquals(2, m.contexts().size()); // the article's graph and the reference graph
  }

  @Test
  void mappingIsDeterministic() {
    Pipeline other = Pipeline.builder().build();
    String a = TestFiles.trig(TestFiles.dataset(pipeline.quads(pipeline.extract(TestFiles.read(TestFiles.seed())))));
    String b = TestFiles.trig(TestFiles.dataset(other.quads(other.extract(TestFiles.read(TestFiles.seed())))));
    assertEquals(a, b);
  }
}
