package org.newsgraph.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.dot.DOTImporter;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.jgrapht.nio.gexf.SimpleGEXFImporter;
import org.jgrapht.util.SupplierUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Main;
import org.newsgraph.server.SeedStore;
import org.newsgraph.store.GraphStore;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every export read back by an independent reader: the JDK's XML parser and JGraphT's importers
 * for GraphML, GEXF and DOT, Graphviz itself when installed, Commons CSV, Jackson, Jena RIOT.
 */
class ExportTest {

  @TempDir
  static Path tmp;

  static Path storeDir;
  static Network net;
  static Network netEvents;

  static final String GRAPHML = "http://graphml.graphdrawing.org/xmlns";
  static final String Y = "http://www.yworks.com/xml/graphml";
  static final String GEXF = "http://gexf.net/1.3";

  @BeforeAll
  static void build() {
    storeDir = SeedStore.build(tmp.resolve("store"));
    try (GraphStore store = GraphStore.open(storeDir)) {
      net = new NetworkBuilder(store.dataset()).build();
      netEvents = new NetworkBuilder(store.dataset()).eventsAsNodes(true).build();
    }
  }

  @AfterAll
  static void done() {
    // the store was closed after reading
  }

  /** The seed's phone call: Goïta (initiator) to Putin, 10 September 2023, CAMEO 041. */
  static Network.Edge theCall(Network n) {
    Map<String, Network.Node> byId = n.nodesById();
    return n.edges().stream().filter(e -> e.event().cls().equals("PhoneCall")).filter(e ->
        byId.get(e.source()).wikidata().equals("Q98497406") && byId.get(e.target()).wikidata().equals("Q7747"))
        .findFirst().orElseThrow(() -> new AssertionError("no call edge in " + n.edges()));
  }

  @Test
  void theNetworkHoldsTheSeedsCall() {
    Network.Edge call = theCall(net);
    assertTrue(call.directed());
    assertEquals("2023-09-10", call.event().date());
    assertEquals("041", call.event().cameo());
    assertFalse(call.event().evidence().isEmpty());
    Network.Node putin = net.nodes().stream().filter(n -> n.wikidata().equals("Q7747")).findFirst().orElseThrow();
    assertEquals("Vladimir Poutine", putin.label());
    assertEquals("Vladimir Putin", putin.labelEn());
    assertEquals("Person", putin.cls());
    assertTrue(putin.weight() >= 2, "Putin's events: " + putin.weight());
    Network.Node bamba = net.nodes().stream().filter(n -> n.label().equals("Bamba")).findFirst().orElseThrow();
    assertEquals(Network.Kind.PLACE, bamba.kind());
    Set<String> ids = net.nodesById().keySet();
    net.edges().forEach(e -> assertTrue(ids.contains(e.source()) && ids.contains(e.target()), e.toString()));
  }

  @Test
  void datesBecomePeriods() {
    assertEquals(List.of("2023-09-10", "2023-09-10"), List.of(NetworkBuilder.period("2023-09-10")));
    assertEquals(List.of("2023-02-01", "2023-02-28"), List.of(NetworkBuilder.period("2023-02")));
    assertEquals(List.of("2017-01-01", "2017-12-31"), List.of(NetworkBuilder.period("2017")));
    assertEquals(List.of("", ""), List.of(NetworkBuilder.period("")));
  }

  static Document xml(Path file) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setExpandEntityReferences(false);
    return f.newDocumentBuilder().parse(file.toFile());
  }

  static List<Element> elements(Document d, String ns, String name) {
    NodeList l = d.getElementsByTagNameNS(ns, name);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < l.getLength(); i++) {
      out.add((Element) l.item(i));
    }
    return out;
  }

  static Map<String, String> graphmlData(Element e, Map<String, String> keyNames) {
    Map<String, String> m = new HashMap<>();
    NodeList l = e.getChildNodes();
    for (int i = 0; i < l.getLength(); i++) {
      if (l.item(i) instanceof Element d && d.getLocalName().equals("data") && keyNames.containsKey(d.getAttribute("key"))) {
        m.put(keyNames.get(d.getAttribute("key")), d.getTextContent());
      }
    }
    return m;
  }

  @Test
  void graphmlParsesWithLabelsForYedAndReimportsWithJgrapht() throws Exception {
    Path file = Exporter.write(net, Exporter.GraphFormat.GRAPHML, tmp.resolve("g.graphml")).get(0);
    Document d = xml(file);
    Map<String, String> keyNames = new HashMap<>();
    for (Element k : elements(d, GRAPHML, "key")) {
      if (k.hasAttribute("attr.name")) {
        keyNames.put(k.getAttribute("id"), k.getAttribute("attr.name"));
        assertFalse(k.getAttribute("attr.type").isEmpty());
      }
    }
    List<Element> nodes = elements(d, GRAPHML, "node");
    List<Element> edges = elements(d, GRAPHML, "edge");
    assertEquals(net.nodes().size(), nodes.size());
    assertEquals(net.edges().size(), edges.size());
    Set<String> ids = new HashSet<>();
    Map<String, String> labelOf = new HashMap<>();
    for (Element n : nodes) {
      ids.add(n.getAttribute("id"));
      Map<String, String> data = graphmlData(n, keyNames);
      labelOf.put(n.getAttribute("id"), data.get("label"));
      List<Element> yl = new ArrayList<>();
      NodeList l = n.getElementsByTagNameNS(Y, "NodeLabel");
      for (int i = 0; i < l.getLength(); i++) {
        yl.add((Element) l.item(i));
      }
      assertEquals(1, yl.size(), "one yEd label per node");
      assertEquals(data.get("label"), yl.get(0).getTextContent());
      assertEquals(1, n.getElementsByTagNameNS(Y, "ShapeNode").getLength());
    }
    assertTrue(labelOf.containsValue("Vladimir Poutine") && labelOf.containsValue("Assimi Goïta"), labelOf.toString());
    boolean call = false;
    for (Element e : edges) {
      assertTrue(ids.contains(e.getAttribute("source")) && ids.contains(e.getAttribute("target")));
      Map<String, String> data = graphmlData(e, keyNames);
      if ("PhoneCall".equals(data.get("class")) && "Assimi Goïta".equals(labelOf.get(e.getAttribute("source")))
          && "Vladimir Poutine".equals(labelOf.get(e.getAttribute("target")))) {
        call = true;
        assertEquals("2023-09-10", data.get("date"));
        assertEquals("041", data.get("cameo"));
        assertEquals("1.0", data.get("weight"));
        assertEquals(1, e.getElementsByTagNameNS(Y, "EdgeLabel").getLength());
      }
    }
    assertTrue(call, "the call edge with its attributes");

    // JGraphT's GraphML importer (with its schema validation) reads the same graph and attributes.
    Graph<String, org.jgrapht.graph.DefaultEdge> g = new DirectedPseudograph<>(
        SupplierUtil.createStringSupplier(), SupplierUtil.DEFAULT_EDGE_SUPPLIER, false);
    Map<String, String> vLabels = new HashMap<>();
    Map<org.jgrapht.graph.DefaultEdge, String> eClass = new HashMap<>();
    // JGraphT validates against the plain GraphML schema, which knows nothing of yEd's extension
    // (key/@yfiles.type and the y: graphics, declared by yEd's ygraphml.xsd): a copy without
    // them must be schema-valid; the file itself is then read without validation.
    Path plain = tmp.resolve("plain.graphml");
    Files.writeString(plain, Files.readString(file)
        .replaceAll("(?s)<data key=\"y_(node|edge)\">.*?</data>", "")
        .replaceAll("<key for=\"(node|edge)\" id=\"y_(node|edge)\" yfiles\\.type=\"[a-z]+\"/>", ""));
    assertFalse(Files.readString(plain).contains("yfiles"));
    GraphMLImporter<String, org.jgrapht.graph.DefaultEdge> strict = new GraphMLImporter<>();
    strict.setVertexFactory(id -> id);
    try (Reader r = Files.newBufferedReader(plain)) {
      strict.importGraph(new DirectedPseudograph<>(SupplierUtil.createStringSupplier(),
          SupplierUtil.DEFAULT_EDGE_SUPPLIER, false), r);
    }
    GraphMLImporter<String, org.jgrapht.graph.DefaultEdge> imp = new GraphMLImporter<>();
    imp.setSchemaValidation(false);
    imp.setVertexFactory(id -> id);
    imp.addVertexAttributeConsumer((p, a) -> {
      if (p.getSecond().equals("label")) {
        vLabels.put(p.getFirst(), a.getValue());
      }
    });
    imp.addEdgeAttributeConsumer((p, a) -> {
      if (p.getSecond().equals("class")) {
        eClass.put(p.getFirst(), a.getValue());
      }
    });
    try (Reader r = Files.newBufferedReader(file)) {
      imp.importGraph(g, r);
    }
    assertEquals(net.nodes().size(), g.vertexSet().size());
    assertEquals(net.edges().size(), g.edgeSet().size());
    assertTrue(vLabels.containsValue("Vladimir Poutine"), vLabels.toString());
    assertTrue(eClass.containsValue("PhoneCall"), eClass.toString());
  }

  @Test
  void graphmlWithEventsAsNodes() throws Exception {
    Path file = Exporter.write(netEvents, Exporter.GraphFormat.GRAPHML, tmp.resolve("ev.graphml")).get(0);
    Graph<String, org.jgrapht.graph.DefaultEdge> g = new DirectedPseudograph<>(
        SupplierUtil.createStringSupplier(), SupplierUtil.DEFAULT_EDGE_SUPPLIER, false);
    Map<String, String> kind = new HashMap<>();
    Map<String, String> cls = new HashMap<>();
    GraphMLImporter<String, org.jgrapht.graph.DefaultEdge> imp = new GraphMLImporter<>();
    imp.setSchemaValidation(false); // yEd's key/@yfiles.type is outside the plain schema
    imp.setVertexFactory(id -> id);
    imp.addVertexAttributeConsumer((p, a) -> {
      if (p.getSecond().equals("kind")) {
        kind.put(p.getFirst(), a.getValue());
      } else if (p.getSecond().equals("class")) {
        cls.put(p.getFirst(), a.getValue());
      }
    });
    try (Reader r = Files.newBufferedReader(file)) {
      imp.importGraph(g, r);
    }
    String call = cls.entrySet().stream().filter(e -> e.getValue().equals("PhoneCall")).map(Map.Entry::getKey)
        .findFirst().orElseThrow();
    assertEquals("event", kind.get(call));
    Set<String> linked = new HashSet<>();
    g.outgoingEdgesOf(call).forEach(e -> linked.add(g.getEdgeTarget(e)));
    assertTrue(linked.size() >= 2, "the call links its participants (and its place, if any): " + linked);
    assertTrue(linked.stream().filter(v -> "Person".equals(cls.get(v))).count() == 2,
        "the call links Putin and Goïta: " + linked);
    long events = kind.values().stream().filter("event"::equals).count();
    assertTrue(events >= 8, "event nodes: " + events);
  }

  @Test
  void gexfHasTimeIntervalsForGephi() throws Exception {
    Path file = Exporter.write(net, Exporter.GraphFormat.GEXF, tmp.resolve("g.gexf")).get(0);
    Document d = xml(file);
    Element root = d.getDocumentElement();
    assertEquals(GEXF, root.getNamespaceURI());
    assertEquals("1.3", root.getAttribute("version"));
    Element graph = elements(d, GEXF, "graph").get(0);
    assertEquals("dynamic", graph.getAttribute("mode"));
    assertEquals("date", graph.getAttribute("timeformat"));
    Map<String, Set<String>> declared = new HashMap<>();
    for (Element attrs : elements(d, GEXF, "attributes")) {
      Set<String> ids = declared.computeIfAbsent(attrs.getAttribute("class"), k -> new HashSet<>());
      NodeList l = attrs.getElementsByTagNameNS(GEXF, "attribute");
      for (int i = 0; i < l.getLength(); i++) {
        ids.add(((Element) l.item(i)).getAttribute("id"));
      }
    }
    assertTrue(declared.get("node").containsAll(Set.of("label", "class", "wikidata", "weight")), declared.toString());
    assertTrue(declared.get("edge").containsAll(Set.of("class", "date", "cameo", "weight")), declared.toString());
    List<Element> nodes = elements(d, GEXF, "node");
    List<Element> edges = elements(d, GEXF, "edge");
    assertEquals(net.nodes().size(), nodes.size());
    assertEquals(net.edges().size(), edges.size());
    Map<String, String> label = new HashMap<>();
    nodes.forEach(n -> label.put(n.getAttribute("id"), n.getAttribute("label")));
    boolean call = false;
    for (Element e : edges) {
      assertTrue(label.containsKey(e.getAttribute("source")) && label.containsKey(e.getAttribute("target")));
      NodeList av = e.getElementsByTagNameNS(GEXF, "attvalue");
      Map<String, String> values = new HashMap<>();
      for (int i = 0; i < av.getLength(); i++) {
        Element a = (Element) av.item(i);
        assertTrue(declared.get("edge").contains(a.getAttribute("for")), a.getAttribute("for"));
        values.put(a.getAttribute("for"), a.getAttribute("value"));
      }
      if ("PhoneCall".equals(values.get("class")) && "Vladimir Poutine".equals(label.get(e.getAttribute("target")))) {
        call = true;
        assertEquals("2023-09-10", e.getAttribute("start"));
        assertEquals("2023-09-10", e.getAttribute("end"));
        assertEquals("directed", e.getAttribute("type"));
        assertEquals("041", values.get("cameo"));
      }
      if ("Accusation".equals(values.get("class"))) {
        assertEquals("2023-09-01", e.getAttribute("start"), "a month is an interval");
        assertEquals("2023-09-30", e.getAttribute("end"));
      }
    }
    assertTrue(call, "the call edge with its interval");
    // JGraphT's GEXF importer reads the nodes and edges too.
    Graph<String, org.jgrapht.graph.DefaultEdge> g = new DirectedPseudograph<>(
        SupplierUtil.createStringSupplier(), SupplierUtil.DEFAULT_EDGE_SUPPLIER, false);
    SimpleGEXFImporter<String, org.jgrapht.graph.DefaultEdge> imp = new SimpleGEXFImporter<>();
    imp.setVertexFactory(id -> id);
    imp.setSchemaValidation(false); // its bundled schema is GEXF 1.2draft; this file is GEXF 1.3
    try (Reader r = Files.newBufferedReader(file)) {
      imp.importGraph(g, r);
    }
    assertEquals(net.nodes().size(), g.vertexSet().size());
    assertEquals(net.edges().size(), g.edgeSet().size());
  }

  @Test
  void dotReadsBackWithJgraphtAndRendersWithGraphviz() throws Exception {
    Path file = Exporter.write(net, Exporter.GraphFormat.DOT, tmp.resolve("g.dot")).get(0);
    Graph<String, org.jgrapht.graph.DefaultEdge> g = new DirectedPseudograph<>(
        SupplierUtil.createStringSupplier(), SupplierUtil.DEFAULT_EDGE_SUPPLIER, false);
    Map<String, String> labels = new HashMap<>();
    Map<org.jgrapht.graph.DefaultEdge, Map<String, Attribute>> eattrs = new HashMap<>();
    DOTImporter<String, org.jgrapht.graph.DefaultEdge> imp = new DOTImporter<>();
    imp.setVertexFactory(id -> id);
    imp.addVertexAttributeConsumer((p, a) -> {
      if (p.getSecond().equals("label")) {
        labels.put(p.getFirst(), a.getValue());
      }
    });
    imp.addEdgeAttributeConsumer((p, a) -> eattrs.computeIfAbsent(p.getFirst(), k -> new HashMap<>()).put(p.getSecond(), a));
    try (Reader r = Files.newBufferedReader(file)) {
      imp.importGraph(g, r);
    }
    assertEquals(net.nodes().size(), g.vertexSet().size());
    assertEquals(net.edges().size(), g.edgeSet().size());
    assertTrue(labels.containsValue("Assimi Goïta"), labels.toString());
    assertTrue(eattrs.values().stream().anyMatch(m -> m.containsKey("cameo") && m.get("cameo").getValue().equals("041")
        && m.get("class").getValue().equals("PhoneCall")), eattrs.toString());

    Path dot = Path.of("/usr/bin/dot");
    if (Files.isExecutable(dot)) {
      Path svg = tmp.resolve("g.svg");
      Process p = new ProcessBuilder(dot.toString(), "-Tsvg", file.toString(), "-o", svg.toString())
          .redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue(), output);
      assertFalse(output.toLowerCase().contains("warning"), output);
      String s = Files.readString(svg);
      assertTrue(s.contains("Vladimir Poutine") && s.contains("Assimi Goïta"), "labels drawn");
      Document d = xml(svg);
      assertEquals("svg", d.getDocumentElement().getLocalName());
    }
  }

  @Test
  void csvNodeAndEdgeListsForGephi() throws Exception {
    List<Path> files = Exporter.write(net, Exporter.GraphFormat.CSV, tmp.resolve("out/g.csv"));
    assertEquals(List.of(tmp.resolve("out/g-nodes.csv"), tmp.resolve("out/g-edges.csv")), files);
    CSVFormat fmt = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    List<CSVRecord> nodes;
    try (Reader r = Files.newBufferedReader(files.get(0))) {
      nodes = fmt.parse(r).getRecords();
    }
    List<CSVRecord> edges;
    List<String> header;
    try (Reader r = Files.newBufferedReader(files.get(1))) {
      var parser = fmt.parse(r);
      header = parser.getHeaderNames();
      edges = parser.getRecords();
    }
    assertEquals(List.of("Source", "Target", "Type", "Id", "Label", "Weight"), header.subList(0, 6));
    assertEquals(net.nodes().size(), nodes.size());
    assertEquals(net.edges().size(), edges.size());
    Map<String, String> label = new HashMap<>();
    nodes.forEach(n -> label.put(n.get("Id"), n.get("Label")));
    CSVRecord call = edges.stream().filter(e -> e.get("class").equals("PhoneCall")).findFirst().orElseThrow();
    assertEquals("Assimi Goïta", label.get(call.get("Source")));
    assertEquals("Vladimir Poutine", label.get(call.get("Target")));
    assertEquals("Directed", call.get("Type"));
    assertEquals("041", call.get("cameo"));
    assertEquals("<[2023-09-10, 2023-09-10]>", call.get("Interval"));
    assertFalse(call.get("evidence").isEmpty());
  }

  @Test
  void cytoscapeJsonParses() throws Exception {
    Path file = Exporter.write(net, Exporter.GraphFormat.CYTOSCAPE_JSON, tmp.resolve("g.cyjs")).get(0);
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    JsonNode nodes = root.path("elements").path("nodes");
    JsonNode edges = root.path("elements").path("edges");
    assertEquals(net.nodes().size(), nodes.size());
    assertEquals(net.edges().size(), edges.size());
    Map<String, String> name = new HashMap<>();
    nodes.forEach(n -> name.put(n.path("data").path("id").asText(), n.path("data").path("name").asText()));
    boolean call = false;
    for (JsonNode e : edges) {
      JsonNode d = e.path("data");
      assertTrue(name.containsKey(d.path("source").asText()) && name.containsKey(d.path("target").asText()));
      if (d.path("interaction").asText().equals("PhoneCall")) {
        call = true;
        assertEquals("Vladimir Poutine", name.get(d.path("target").asText()));
        assertEquals("2023-09-10", d.path("date").asText());
        assertEquals(1.0, d.path("weight").asDouble());
      }
    }
    assertTrue(call);
    assertTrue(nodes.get(0).path("data").path("weight").isInt());
  }

  static int cli(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    if (code != 0) {
      System.err.println(err.toString(StandardCharsets.UTF_8));
    }
    return code;
  }

  @Test
  void rdfDumpsParse() throws Exception {
    long quads;
    long triples;
    try (GraphStore store = GraphStore.open(storeDir)) {
      quads = store.size();
      Dataset ds = store.dataset();
      triples = Txn.calculateRead(ds, () -> ds.asDatasetGraph().getUnionGraph().size());
    }
    for (String[] f : new String[][] {{"ttl", "TTL"}, {"jsonld", "JSONLD"}, {"rdfxml", "RDFXML"}, {"trig", "TRIG"}, {"nq", "NQUADS"}}) {
      Path out = tmp.resolve("dump." + f[0]);
      assertEquals(0, cli("export", "--store", storeDir.toString(), "--format", f[0], "-o", out.toString()));
      Lang lang = switch (f[1]) {
        case "TTL" -> Lang.TURTLE;
        case "JSONLD" -> Lang.JSONLD;
        case "RDFXML" -> Lang.RDFXML;
        case "TRIG" -> Lang.TRIG;
        default -> Lang.NQUADS;
      };
      if (lang == Lang.TRIG || lang == Lang.NQUADS) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        RDFParser.source(out).lang(lang).parse(dsg);
        assertEquals(quads, dsg.stream().count(), f[0]);
      } else {
        org.apache.jena.graph.Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(out).lang(lang).parse(g);
        assertEquals(triples, g.size(), f[0]);
      }
    }
  }

  @Test
  void theExportCommandWritesEachFormatAndFiltersWithAQuery() throws Exception {
    for (String f : List.of("graphml", "gexf", "dot", "cytoscape-json")) {
      Path out = tmp.resolve("cli/seed." + f);
      assertEquals(0, cli("export", "--store", storeDir.toString(), "--format", f, "-o", out.toString()), f);
      assertTrue(Files.size(out) > 500, f);
    }
    assertEquals(0, cli("export", "--store", storeDir.toString(), "--format", "csv", "-o", tmp.resolve("cli/seed").toString()));
    assertTrue(Files.exists(tmp.resolve("cli/seed-nodes.csv")) && Files.exists(tmp.resolve("cli/seed-edges.csv")));
    assertEquals(0, cli("export", "--store", storeDir.toString(), "--format", "graphml", "--events-as", "nodes",
        "-o", tmp.resolve("cli/events.graphml").toString()));

    Path select = Files.writeString(tmp.resolve("calls.rq"),
        "PREFIX ng: <https://w3id.org/newsgraph/ontology#>\nSELECT ?event WHERE { ?event a ng:PhoneCall }\n");
    Path out = tmp.resolve("cli/calls.cyjs");
    assertEquals(0, cli("export", "--store", storeDir.toString(), "--format", "cytoscape-json", "--query",
        select.toString(), "-o", out.toString()));
    JsonNode root = new ObjectMapper().readTree(out.toFile());
    assertEquals(1, root.path("elements").path("edges").size());
    Set<String> names = new HashSet<>();
    root.path("elements").path("nodes").forEach(n -> names.add(n.path("data").path("name").asText()));
    assertTrue(names.containsAll(Set.of("Vladimir Poutine", "Assimi Goïta")), names.toString());
    assertTrue(names.size() <= 3, "the call's actors and place only: " + names);

    Path construct = Files.writeString(tmp.resolve("construct.rq"),
        "PREFIX ng: <https://w3id.org/newsgraph/ontology#>\nCONSTRUCT { ?e ?p ?o . ?x ?q ?l } WHERE {\n"
            + "  ?e a ng:PhoneCall ; ?p ?o . OPTIONAL { ?e ng:participant ?x . ?x ?q ?l } }\n");
    Path ttl = tmp.resolve("cli/call.ttl");
    assertEquals(0, cli("export", "--store", storeDir.toString(), "--format", "ttl", "--query",
        construct.toString(), "-o", ttl.toString()));
    org.apache.jena.graph.Graph g = GraphFactory.createDefaultGraph();
    RDFParser.source(ttl).lang(Lang.TURTLE).parse(g);
    assertTrue(g.size() > 5);
    Path gml = tmp.resolve("cli/call.graphml");
    assertEquals(0, cli("export", "--store", storeDir.toString(), "--format", "graphml", "--query",
        construct.toString(), "-o", gml.toString()));
    assertEquals(1, xml(gml).getElementsByTagNameNS(GRAPHML, "edge").getLength());

    assertEquals(2, cli("export", "--store", storeDir.toString(), "--format", "xls", "-o", tmp.resolve("x").toString()));
    assertEquals(2, cli("export", "--store", storeDir.toString(), "--format", "ttl", "--query", select.toString(),
        "-o", tmp.resolve("x.ttl").toString()));
    assertEquals(2, cli("export", "--store", storeDir.toString(), "--format", "dot", "--events-as", "arcs",
        "-o", tmp.resolve("x.dot").toString()));
    assertNotNull(net);
  }
}
