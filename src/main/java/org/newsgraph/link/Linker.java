package org.newsgraph.link;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.system.Txn;

/**
 * Links the entities of the store that have no {@code owl:sameAs} to Wikidata, by looking them up
 * on a SPARQL endpoint with Wikidata's data model:
 *
 * <ul>
 *   <li>a place known to GeoNames by its GeoNames id ({@code wdt:P1566});
 *   <li>otherwise by its French label ({@code rdfs:label} or {@code skos:altLabel}, {@code @fr})
 *       and its type ({@code wdt:P31/wdt:P279*} one of the Wikidata classes of its newsgraph class:
 *       human, organisation, country, human settlement, territorial entity, river, lake...);
 *   <li>several items: the one whose country ({@code wdt:P17}, or citizenship {@code wdt:P27})
 *       is a country the articles that mention the entity also mention; otherwise the entity is
 *       left unlinked (ambiguous), never guessed.
 * </ul>
 *
 * <p>Links go into their own named graph, {@code BASE graph/links}, described with
 * {@code prov:wasDerivedFrom} (the endpoint) and {@code prov:generatedAtTime}: they come from an
 * online source, not from the bundled gazetteer (graph {@code reference}) nor from an article.
 */
public final class Linker {

  static final String NG = "https://w3id.org/newsgraph/ontology#";
  static final String WD = "http://www.wikidata.org/entity/";
  static final String OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs";
  static final String PROV = "http://www.w3.org/ns/prov#";

  /** Wikidata classes an item of each newsgraph class is an instance of (through P279*). */
  static final Map<String, List<String>> CLASSES = Map.of(
      "Person", List.of("Q5"),                         // human
      "Organization", List.of("Q43229"),               // organization
      "Country", List.of("Q6256", "Q3624078"),         // country, sovereign state
      "City", List.of("Q486972"),                      // human settlement
      "Region", List.of("Q56061", "Q82794"),           // administrative territorial entity, geographic region
      "River", List.of("Q4022"),                       // river
      "Lake", List.of("Q23397"),                       // lake
      "Facility", List.of("Q13226383"));               // facility

  /** An entity to link, with the Wikidata ids of the countries its articles mention. */
  public record Candidate(String entity, String type, String label, String geonames,
      Set<String> context) {}

  /** One item the endpoint proposed. */
  public record Item(String qid, String label, String description, Set<String> countries) {}

  /** The outcome for one entity: a QID, or null with the reason. */
  public record Result(Candidate candidate, String qid, String reason, List<Item> items) {
    public boolean linked() {
      return qid != null;
    }
  }

  private final String base;

  /** @param base base IRI of the data ("https://w3id.org/newsgraph/id/") */
  public Linker(String base) {
    this.base = base;
  }

  public String linksGraph() {
    return base + "graph/links";
  }

  /** The entities of the article graphs without owl:sameAs to Wikidata (groups and juntas left out). */
  public List<Candidate> unlinked(DatasetGraph dsg) {
    String q = "PREFIX ng: <" + NG + ">\n"
        + "PREFIX owl: <http://www.w3.org/2002/07/owl#>\n"
        + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        + "PREFIX schema: <https://schema.org/>\n"
        + "SELECT ?e ?type ?label (SAMPLE(?gn) AS ?geonames)"
        + " (GROUP_CONCAT(DISTINCT STR(?cq); separator=\" \") AS ?ctx) WHERE {\n"
        + "  GRAPH ?g { ?a schema:mentions ?e . ?e a ?type ; rdfs:label ?label . FILTER(lang(?label) = \"fr\") }\n"
        + "  FILTER(STRSTARTS(STR(?g), \"" + base + "graph/article/\"))\n"
        + "  FILTER(!CONTAINS(STR(?e), \"/entity/group/\") && !CONTAINS(STR(?e), \"/junta-\"))\n"
        + "  FILTER NOT EXISTS { GRAPH ?any { ?e owl:sameAs ?w }"
        + " FILTER(STRSTARTS(STR(?w), \"" + WD + "\")) }\n"
        + "  OPTIONAL { GRAPH ?r1 { ?e owl:sameAs ?gn } FILTER(STRSTARTS(STR(?gn), \"https://sws.geonames.org/\")) }\n"
        + "  OPTIONAL { GRAPH ?g { ?a schema:mentions ?c . ?c a ng:Country }\n"
        + "             GRAPH ?r2 { ?c owl:sameAs ?cq } FILTER(STRSTARTS(STR(?cq), \"" + WD + "\")) }\n"
        + "} GROUP BY ?e ?type ?label ORDER BY ?e ?type";
    List<Candidate> out = new ArrayList<>();
    Txn.executeRead(dsg, () -> {
      try (QueryExecution qe = QueryExecution.create(q, org.apache.jena.query.DatasetFactory.wrap(dsg))) {
        ResultSet rs = qe.execSelect();
        Set<String> seen = new LinkedHashSet<>();
        while (rs.hasNext()) {
          QuerySolution s = rs.next();
          String e = s.getResource("e").getURI();
          String type = s.getResource("type").getURI();
          if (!type.startsWith(NG) || !CLASSES.containsKey(type.substring(NG.length()))
              || !seen.add(e)) {
            continue; // one candidate per entity: the first of its classes
          }
          String gn = s.contains("geonames") ? s.getResource("geonames").getURI() : null;
          if (gn != null) {
            gn = gn.replaceAll("^https://sws\\.geonames\\.org/([0-9]+)/?$", "$1");
          }
          Set<String> ctx = new TreeSet<>();
          String c = s.contains("ctx") ? s.getLiteral("ctx").getString() : "";
          for (String w : c.split(" ")) {
            if (w.startsWith(WD)) {
              ctx.add(w.substring(WD.length()));
            }
          }
          out.add(new Candidate(e, type.substring(NG.length()), s.getLiteral("label").getString(),
              gn, ctx));
        }
      }
    });
    return out;
  }

  /** The look-up query for a candidate. */
  public static String query(Candidate c) {
    StringBuilder q = new StringBuilder();
    q.append("PREFIX wd: <http://www.wikidata.org/entity/>\n")
        .append("PREFIX wdt: <http://www.wikidata.org/prop/direct/>\n")
        .append("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n")
        .append("PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n")
        .append("PREFIX schema: <http://schema.org/>\n")
        .append("SELECT ?item ?label ?desc ?country WHERE {\n");
    if (c.geonames() != null) {
      q.append("  ?item wdt:P1566 ").append(FmtUtils.stringForNode(
          NodeFactory.createLiteralString(c.geonames()))).append(" .\n");
    } else {
      String name = FmtUtils.stringForNode(NodeFactory.createLiteralLang(c.label(), "fr"));
      q.append("  { ?item rdfs:label ").append(name).append(" } UNION { ?item skos:altLabel ")
          .append(name).append(" }\n");
      q.append("  ?item wdt:P31/wdt:P279* ?class .\n  VALUES ?class {");
      for (String k : CLASSES.get(c.type())) {
        q.append(" wd:").append(k);
      }
      q.append(" }\n");
    }
    q.append("  OPTIONAL { ?item wdt:P17|wdt:P27 ?country }\n")
        .append("  OPTIONAL { ?item rdfs:label ?label FILTER(lang(?label) = \"fr\") }\n")
        .append("  OPTIONAL { ?item schema:description ?desc FILTER(lang(?desc) = \"fr\") }\n")
        .append("} LIMIT 200\n");
    return q.toString();
  }

  /** Looks one candidate up and decides. */
  public Result link(Candidate c, SparqlClient client) {
    ResultSetRewindable rs = client.select(query(c));
    Map<String, Item> items = new LinkedHashMap<>();
    while (rs.hasNext()) {
      QuerySolution s = rs.next();
      RDFNode item = s.get("item");
      if (item == null || !item.isURIResource() || !item.asResource().getURI().startsWith(WD)) {
        continue;
      }
      String qid = item.asResource().getURI().substring(WD.length());
      if (!qid.matches("Q[1-9][0-9]*")) {
        continue;
      }
      Item it = items.computeIfAbsent(qid, k -> new Item(k, str(s, "label"), str(s, "desc"), new TreeSet<>()));
      RDFNode country = s.get("country");
      if (country != null && country.isURIResource() && country.asResource().getURI().startsWith(WD)) {
        it.countries().add(country.asResource().getURI().substring(WD.length()));
      }
    }
    List<Item> all = new ArrayList<>(items.values());
    if (all.isEmpty()) {
      return new Result(c, null, "not found", all);
    }
    if (all.size() == 1) {
      return new Result(c, all.get(0).qid(), c.geonames() != null ? "same GeoNames id" : "only match", all);
    }
    List<Item> inContext = all.stream()
        .filter(i -> i.countries().stream().anyMatch(c.context()::contains)).toList();
    if (inContext.size() == 1) {
      return new Result(c, inContext.get(0).qid(), "only match in the articles' countries "
          + inContext.get(0).countries(), all);
    }
    return new Result(c, null, "ambiguous: " + all.size() + " items"
        + (inContext.isEmpty() ? "" : ", " + inContext.size() + " in the articles' countries"), all);
  }

  private static String str(QuerySolution s, String v) {
    RDFNode n = s.get(v);
    return n != null && n.isLiteral() ? n.asLiteral().getLexicalForm() : null;
  }

  /** Adds the links found to the links graph, with its provenance. Returns the quads added. */
  public int write(DatasetGraph dsg, List<Result> results, String endpoint) {
    Node g = NodeFactory.createURI(linksGraph());
    Node sameAs = NodeFactory.createURI(OWL_SAME_AS);
    List<Quad> quads = new ArrayList<>();
    for (Result r : results) {
      if (r.linked()) {
        quads.add(Quad.create(g, NodeFactory.createURI(r.candidate().entity()), sameAs,
            NodeFactory.createURI(WD + r.qid())));
      }
    }
    if (quads.isEmpty()) {
      return 0;
    }
    String now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    Txn.executeWrite(dsg, () -> {
      quads.forEach(dsg::add);
      dsg.deleteAny(g, g, NodeFactory.createURI(PROV + "generatedAtTime"), Node.ANY);
      dsg.add(g, g, NodeFactory.createURI(PROV + "wasDerivedFrom"), NodeFactory.createURI(endpoint));
      dsg.add(g, g, NodeFactory.createURI(PROV + "generatedAtTime"),
          NodeFactory.createLiteralDT(now, XSDDatatype.XSDdateTime));
    });
    return quads.size();
  }

  static List<String> classesOf(String type) {
    return CLASSES.getOrDefault(type, Arrays.asList());
  }
}
