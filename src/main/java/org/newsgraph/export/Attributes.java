package org.newsgraph.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attributes every writer gives nodes and edges, in one place so that the formats agree:
 * names, types ("string", "int", "double", "boolean") and values.
 */
final class Attributes {

  private Attributes() {}

  /** An attribute: its name and its type. */
  record Attr(String name, String type) {}

  static final List<Attr> NODE = List.of(new Attr("label", "string"), new Attr("iri", "string"),
      new Attr("kind", "string"), new Attr("class", "string"), new Attr("label_fr", "string"),
      new Attr("label_en", "string"), new Attr("wikidata", "string"), new Attr("geonames", "string"),
      new Attr("weight", "int"));

  /** Extra node attributes when events are nodes. */
  static final List<Attr> EVENT = List.of(new Attr("date", "string"), new Attr("start", "string"),
      new Attr("end", "string"), new Attr("cameo", "string"), new Attr("plover", "string"),
      new Attr("status", "string"), new Attr("evidence", "string"), new Attr("article", "string"));

  static final List<Attr> EDGE = List.of(new Attr("label", "string"), new Attr("event", "string"),
      new Attr("class", "string"), new Attr("role", "string"), new Attr("directed", "boolean"),
      new Attr("date", "string"), new Attr("start", "string"), new Attr("end", "string"),
      new Attr("cameo", "string"), new Attr("plover", "string"), new Attr("status", "string"),
      new Attr("evidence", "string"), new Attr("article", "string"), new Attr("weight", "double"));

  static List<Attr> node(Network net) {
    if (!net.eventsAsNodes()) {
      return NODE;
    }
    List<Attr> all = new ArrayList<>(NODE);
    all.addAll(EVENT);
    return all;
  }

  static Map<String, Object> values(Network.Node n, boolean eventsAsNodes) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("label", n.label());
    m.put("iri", n.iri());
    m.put("kind", n.kind().name().toLowerCase(java.util.Locale.ROOT));
    m.put("class", n.cls());
    m.put("label_fr", n.labelFr());
    m.put("label_en", n.labelEn());
    m.put("wikidata", n.wikidata());
    m.put("geonames", n.geonames());
    m.put("weight", n.weight());
    if (eventsAsNodes) {
      Network.EventInfo e = n.event();
      m.put("date", e == null ? "" : e.date());
      m.put("start", e == null ? "" : e.start());
      m.put("end", e == null ? "" : e.end());
      m.put("cameo", e == null ? "" : e.cameo());
      m.put("plover", e == null ? "" : e.plover());
      m.put("status", e == null ? "" : e.status());
      m.put("evidence", e == null ? "" : e.evidence());
      m.put("article", e == null ? "" : e.article());
    }
    return m;
  }

  static Map<String, Object> values(Network.Edge ed) {
    Network.EventInfo e = ed.event();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("label", ed.label());
    m.put("event", e.iri());
    m.put("class", e.cls());
    m.put("role", ed.role());
    m.put("directed", ed.directed());
    m.put("date", e.date());
    m.put("start", e.start());
    m.put("end", e.end());
    m.put("cameo", e.cameo());
    m.put("plover", e.plover());
    m.put("status", e.status());
    m.put("evidence", e.evidence());
    m.put("article", e.article());
    m.put("weight", ed.weight());
    return m;
  }
}
