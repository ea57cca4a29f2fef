package org.newsgraph.rdf;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * IRIs of the newsgraph ontology ({@code ontology/newsgraph.ttl}) and of the vocabularies it
 * aligns with. A test checks that every {@code ng:} constant here is declared in the ontology.
 */
public final class NG {

  private NG() {}

  public static final String NS = "https://w3id.org/newsgraph/ontology#";
  public static final String ONTOLOGY = "https://w3id.org/newsgraph/ontology";
  public static final String DEFAULT_BASE = "https://w3id.org/newsgraph/id/";

  public static final String SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/";
  public static final String SCHEMA = "https://schema.org/";
  public static final String PROV = "http://www.w3.org/ns/prov#";
  public static final String NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
  public static final String GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#";
  public static final String OWL = "http://www.w3.org/2002/07/owl#";
  public static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
  public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
  public static final String XSD = "http://www.w3.org/2001/XMLSchema#";
  public static final String WD = "http://www.wikidata.org/entity/";
  public static final String GEONAMES = "https://sws.geonames.org/";
  public static final String DBPEDIA_FR = "http://fr.dbpedia.org/resource/";
  public static final String DBPEDIA_EN = "http://dbpedia.org/resource/";

  private static Node ng(String local) {
    return NodeFactory.createURI(NS + local);
  }

  private static Node uri(String iri) {
    return NodeFactory.createURI(iri);
  }

  /** The ontology class of an event or entity, by local name. */
  public static Node cls(String localName) {
    return ng(localName);
  }

  // classes
  public static final Node Event = ng("Event");
  public static final Node Evidence = ng("Evidence");
  public static final Node Actor = ng("Actor");
  public static final Node Place = ng("Place");

  // event properties
  public static final Node participant = ng("participant");
  public static final Node initiator = ng("initiator");
  public static final Node dyad = ng("dyad");
  public static final Node Dyad = ng("Dyad");
  public static final Node member = ng("member");
  public static final Node target = ng("target");
  public static final Node date = ng("date");
  public static final Node dateExpression = ng("dateExpression");
  public static final Node place = ng("place");
  public static final Node status = ng("status");
  public static final Node cameoCode = ng("cameoCode");
  public static final Node ploverCategory = ng("ploverCategory");
  public static final Node topic = ng("topic");
  public static final Node reportedBy = ng("reportedBy");
  public static final Node partOf = ng("partOf");
  public static final Node evidence = ng("evidence");
  public static final Node deathToll = ng("deathToll");
  public static final Node civilianDeaths = ng("civilianDeaths");
  public static final Node militaryDeaths = ng("militaryDeaths");
  public static final Node deathTollIsMinimum = ng("deathTollIsMinimum");

  // evidence properties
  public static final Node article = ng("article");
  public static final Node text = ng("text");
  public static final Node beginIndex = ng("beginIndex");
  public static final Node endIndex = ng("endIndex");
  public static final Node rule = ng("rule");
  public static final Node trigger = ng("trigger");

  // articles and entities
  public static final Node sha256 = ng("sha256");
  public static final Node sourceFile = ng("sourceFile");
  public static final Node country = ng("country");
  public static final Node population = ng("population");
  public static final Node month = ng("month");
  public static final Node tenure = ng("tenure");
  public static final Node Tenure = ng("Tenure");
  public static final Node holder = ng("holder");
  public static final Node officeRole = ng("officeRole");
  public static final Node jurisdiction = ng("jurisdiction");
  public static final Node startDate = ng("startDate");
  public static final Node endDate = ng("endDate");

  /** The ng:OfficeRole individual of a role of offices.tsv ("head_of_state" -> ng:HeadOfState). */
  public static Node officeRole(String role) {
    StringBuilder b = new StringBuilder();
    for (String part : role.split("_")) {
      if (!part.isEmpty()) {
        b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return ng(b.toString());
  }

  /** The status individual by local name ("Occurred"). */
  public static Node status(String localName) {
    return ng(localName);
  }

  // external terms
  public static final Node RDF_TYPE = uri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
  public static final Node RDFS_LABEL = uri(RDFS + "label");
  public static final Node OWL_SAME_AS = uri(OWL + "sameAs");
  public static final Node SCHEMA_NEWS_ARTICLE = uri(SCHEMA + "NewsArticle");
  public static final Node SCHEMA_IDENTIFIER = uri(SCHEMA + "identifier");
  public static final Node SCHEMA_DATE_PUBLISHED = uri(SCHEMA + "datePublished");
  public static final Node SCHEMA_IN_LANGUAGE = uri(SCHEMA + "inLanguage");
  public static final Node SCHEMA_HEADLINE = uri(SCHEMA + "headline");
  public static final Node SCHEMA_URL = uri(SCHEMA + "url");
  public static final Node SCHEMA_MENTIONS = uri(SCHEMA + "mentions");
  public static final Node GEO_LAT = uri(GEO + "lat");
  public static final Node GEO_LONG = uri(GEO + "long");
}
