package org.newsgraph.export;

import java.util.List;
import java.util.Map;

/**
 * The event network of the graph as plain values, ready for the writers of graph tools: actors
 * and places as nodes, events as edges (or as nodes of their own, linked to their participants).
 *
 * @param nodes the nodes, in a stable order
 * @param edges the edges, in a stable order
 * @param eventsAsNodes whether events are nodes (and edges are roles) rather than edges
 */
public record Network(List<Node> nodes, List<Edge> edges, boolean eventsAsNodes) {

  /** Kinds of node. */
  public enum Kind { ACTOR, PLACE, EVENT }

  /**
   * A node.
   *
   * @param id short id for file formats ("n0", "n1"...)
   * @param iri the RDF resource
   * @param kind actor, place or event
   * @param cls local name of its newsgraph class ("Person", "City", "PhoneCall"...)
   * @param label display label (French first, else English, else the IRI's last segment)
   * @param labelFr French label or ""
   * @param labelEn English label or ""
   * @param wikidata Wikidata QID ("Q7747") or ""
   * @param geonames GeoNames id or ""
   * @param weight number of events the node takes part in (1 for an event node)
   * @param event the event's own attributes when {@code kind == EVENT}, else null
   */
  public record Node(String id, String iri, Kind kind, String cls, String label, String labelFr,
      String labelEn, String wikidata, String geonames, int weight, EventInfo event) {}

  /**
   * An edge: one event between two of its participants (or a participant and its place), or,
   * when events are nodes, a role linking an event to an actor or place.
   *
   * @param id short id ("e0"...)
   * @param source node id
   * @param target node id
   * @param directed true when the source is the event's initiator (or the event, for roles)
   * @param label what tools show on the edge (the event class, or the role)
   * @param role "participant", "initiator", "target", "place" (events as nodes) or the pair's
   *     kind "participants" / "place" (events as edges)
   * @param weight 1 per event (tools such as Gephi add weights when they merge parallel edges)
   * @param event the event the edge stands for or belongs to
   */
  public record Edge(String id, String source, String target, boolean directed, String label,
      String role, double weight, EventInfo event) {}

  /**
   * What an event says.
   *
   * @param iri the event resource
   * @param cls local name of its class ("PhoneCall")
   * @param date the lexical date ("2023-09-10", "2023-09", "2017") or ""
   * @param start first day of the date's period ("2023-09-01" for "2023-09") or ""
   * @param end last day of the date's period ("2023-09-30" for "2023-09") or ""
   * @param cameo CAMEO code (a string: "041") or ""
   * @param plover PLOVER category or ""
   * @param status local name of the status ("Occurred")
   * @param evidence the first evidence sentence or ""
   * @param article the IRI of the article of that sentence or ""
   */
  public record EventInfo(String iri, String cls, String date, String start, String end,
      String cameo, String plover, String status, String evidence, String article) {}

  /** Nodes by id. */
  public Map<String, Node> nodesById() {
    Map<String, Node> m = new java.util.LinkedHashMap<>();
    nodes.forEach(n -> m.put(n.id(), n));
    return m;
  }
}
