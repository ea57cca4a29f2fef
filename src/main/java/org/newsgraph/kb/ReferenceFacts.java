package org.newsgraph.kb;

import java.math.BigDecimal;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.jena.datatypes.BaseDatatype;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;

/**
 * The gazetteer facts about an entity, written into the reference graph ({@code BASE +
 * "graph/reference"}), apart from the article graphs:
 *
 * <ul>
 *   <li>its class and its labels in French and English (so that the graph stands alone);
 *   <li>{@code owl:sameAs} to Wikidata, GeoNames and DBpedia (French and English) where known;
 *   <li>for places: WGS84 {@code geo:lat} / {@code geo:long} and a GeoSPARQL geometry
 *       ({@code geosparql:hasGeometry} to {@code <entity>/geometry}, an {@code sf:Point} with
 *       {@code geosparql:asWKT "POINT(lon lat)"^^geosparql:wktLiteral}), {@code ng:population},
 *       and {@code ng:country}, the country it lies in; for countries, {@code ng:iso2}.
 * </ul>
 *
 * <p>An article graph keeps, for each entity it mentions, only its class and labels: it reads on
 * its own, and removing or rebuilding an article never removes a gazetteer fact. The facts are
 * the same whichever article brings them, so writing them again changes nothing.
 */
public final class ReferenceFacts {

  private ReferenceFacts() {}

  public static final String NG = "https://w3id.org/newsgraph/ontology#";
  public static final String GEOSPARQL = "http://www.opengis.net/ont/geosparql#";
  public static final String SF = "http://www.opengis.net/ont/sf#";
  public static final String GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#";
  public static final String WD = "http://www.wikidata.org/entity/";
  public static final String GEONAMES = "https://sws.geonames.org/";
  public static final String DBPEDIA_FR = "http://fr.dbpedia.org/resource/";
  public static final String DBPEDIA_EN = "http://dbpedia.org/resource/";

  private static final Node RDF_TYPE = uri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
  private static final Node LABEL = uri("http://www.w3.org/2000/01/rdf-schema#label");
  private static final Node SAME_AS = uri("http://www.w3.org/2002/07/owl#sameAs");
  public static final Node HAS_GEOMETRY = uri(GEOSPARQL + "hasGeometry");
  public static final Node AS_WKT = uri(GEOSPARQL + "asWKT");
  public static final Node POINT = uri(SF + "Point");
  public static final RDFDatatype WKT_LITERAL = new BaseDatatype(GEOSPARQL + "wktLiteral");
  private static final Node LAT = uri(GEO + "lat");
  private static final Node LONG = uri(GEO + "long");
  private static final Node COUNTRY = uri(NG + "country");
  private static final Node POPULATION = uri(NG + "population");
  private static final Node ISO2 = uri(NG + "iso2");

  /** The reference graph of a data base IRI ("https://w3id.org/newsgraph/id/graph/reference"). */
  public static String graph(String base) {
    return base + "graph/reference";
  }

  /**
   * Emits the reference facts of one entity.
   *
   * @param e the gazetteer entry
   * @param subject the entity's IRI in the data
   * @param graph the reference graph
   * @param countryIri the IRI of a country by ISO2 code, or null when unknown
   * @param out where the quads go
   */
  public static void emit(KbEntity e, String subject, Node graph,
      Function<String, String> countryIri, Consumer<Quad> out) {
    Node s = uri(subject);
    Consumer<Node[]> add = po -> out.accept(Quad.create(graph, s, po[0], po[1]));
    add.accept(new Node[] {RDF_TYPE, uri(NG + e.type().className())});
    add.accept(new Node[] {LABEL, NodeFactory.createLiteralLang(e.nameFr(), "fr")});
    if (e.nameEn() != null) {
      add.accept(new Node[] {LABEL, NodeFactory.createLiteralLang(e.nameEn(), "en")});
    }
    if (e.qid() != null) {
      add.accept(new Node[] {SAME_AS, uri(WD + e.qid())});
    }
    if (e.geonames() != null) {
      add.accept(new Node[] {SAME_AS, uri(GEONAMES + e.geonames() + "/")});
    }
    if (e.dbpediaFr() != null) {
      add.accept(new Node[] {SAME_AS, uri(DBPEDIA_FR + dbpedia(e.dbpediaFr()))});
    }
    if (e.dbpediaEn() != null) {
      add.accept(new Node[] {SAME_AS, uri(DBPEDIA_EN + dbpedia(e.dbpediaEn()))});
    }
    if (e.type() == EntityType.COUNTRY) {
      add.accept(new Node[] {ISO2, NodeFactory.createLiteralString(e.id())});
    } else if (e.type().isPlace() && e.country() != null && countryIri != null) {
      String c = countryIri.apply(e.country());
      if (c != null) {
        add.accept(new Node[] {COUNTRY, uri(c)});
      }
    }
    if (e.population() != null && e.type().isPlace()) {
      add.accept(new Node[] {POPULATION,
          NodeFactory.createLiteralDT(Long.toString(e.population()), XSDDatatype.XSDinteger)});
    }
    if (e.lat() != null && e.lon() != null) {
      add.accept(new Node[] {LAT, NodeFactory.createLiteralDT(Double.toString(e.lat()), XSDDatatype.XSDdouble)});
      add.accept(new Node[] {LONG, NodeFactory.createLiteralDT(Double.toString(e.lon()), XSDDatatype.XSDdouble)});
      Node geom = uri(subject + "/geometry");
      add.accept(new Node[] {HAS_GEOMETRY, geom});
      out.accept(Quad.create(graph, geom, RDF_TYPE, POINT));
      out.accept(Quad.create(graph, geom, AS_WKT, NodeFactory.createLiteralDT(wkt(e.lon(), e.lat()), WKT_LITERAL)));
    }
  }

  /** "POINT(lon lat)" with plain decimals, as GeoSPARQL's default CRS (CRS84) orders them. */
  public static String wkt(double lon, double lat) {
    return "POINT(" + BigDecimal.valueOf(lon).stripTrailingZeros().toPlainString() + " "
        + BigDecimal.valueOf(lat).stripTrailingZeros().toPlainString() + ")";
  }

  private static String dbpedia(String title) {
    return title.replace(' ', '_');
  }

  private static Node uri(String s) {
    return NodeFactory.createURI(s);
  }
}
