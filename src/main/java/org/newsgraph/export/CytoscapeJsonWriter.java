package org.newsgraph.export;

import java.io.OutputStream;
import java.util.Map;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;

/**
 * Cytoscape JSON ({@code .cyjs}): the elements format that Cytoscape.js loads with
 * {@code cy.add(json.elements)} and Cytoscape Desktop imports as a network. Node data has
 * {@code id} and {@code name} (the label), edge data {@code id}, {@code source}, {@code target}
 * and {@code interaction} (the event class or role), plus every attribute of the other formats.
 */
final class CytoscapeJsonWriter {

  private CytoscapeJsonWriter() {}

  static void write(Network net, OutputStream out) {
    JsonObject root = new JsonObject();
    root.put("format_version", "1.0");
    root.put("generated_by", "newsgraph");
    root.put("target_cytoscapejs_version", "~3.0");
    JsonObject data = new JsonObject();
    data.put("name", "newsgraph");
    data.put("shared_name", "newsgraph");
    data.put("eventsAsNodes", net.eventsAsNodes());
    root.put("data", data);
    JsonArray nodes = new JsonArray();
    for (Network.Node n : net.nodes()) {
      JsonObject d = new JsonObject();
      d.put("id", n.id());
      d.put("name", n.label());
      put(d, Attributes.values(n, net.eventsAsNodes()));
      d.put("color", Palette.node(n));
      JsonObject el = new JsonObject();
      el.put("data", d);
      nodes.add(el);
    }
    JsonArray edges = new JsonArray();
    for (Network.Edge e : net.edges()) {
      JsonObject d = new JsonObject();
      d.put("id", e.id());
      d.put("source", e.source());
      d.put("target", e.target());
      d.put("name", e.label());
      d.put("interaction", e.label());
      put(d, Attributes.values(e));
      d.put("color", Palette.edge(e.event().cls()));
      JsonObject el = new JsonObject();
      el.put("data", d);
      edges.add(el);
    }
    JsonObject elements = new JsonObject();
    elements.put("nodes", nodes);
    elements.put("edges", edges);
    root.put("elements", elements);
    JSON.write(out, root);
  }

  private static void put(JsonObject d, Map<String, Object> values) {
    values.forEach((k, v) -> {
      if (v instanceof Integer i) {
        d.put(k, i);
      } else if (v instanceof Double x) {
        d.put(k, org.apache.jena.atlas.json.JsonNumber.value(x));
      } else if (v instanceof Boolean b) {
        d.put(k, b);
      } else {
        d.put(k, String.valueOf(v));
      }
    });
  }
}
