package org.newsgraph.export;

import java.io.PrintWriter;
import java.util.Map;

/**
 * Graphviz DOT: a {@code digraph} in which events without an initiator are drawn without arrows
 * ({@code dir=none}); nodes filled by class, edges coloured by event class and labelled with the
 * class and the date. Every attribute of the other formats is kept as a DOT attribute (Graphviz
 * ignores the ones it does not know; {@code class} becomes the SVG class).
 */
final class DotWriter {

  private DotWriter() {}

  static void write(Network net, PrintWriter w) {
    w.println("digraph newsgraph {");
    w.println("  graph [overlap=false, splines=true, fontname=\"Helvetica\", label=\"newsgraph\"];");
    w.println("  node [style=filled, fontname=\"Helvetica\", fontsize=11];");
    w.println("  edge [fontname=\"Helvetica\", fontsize=9];");
    for (Network.Node n : net.nodes()) {
      StringBuilder sb = new StringBuilder("  ").append(n.id()).append(" [");
      sb.append("shape=").append(switch (n.kind()) {
        case ACTOR -> "ellipse";
        case PLACE -> "box";
        case EVENT -> "diamond";
      });
      sb.append(", fillcolor=").append(q(Palette.node(n)));
      for (Map.Entry<String, Object> v : Attributes.values(n, net.eventsAsNodes()).entrySet()) {
        append(sb, v.getKey(), v.getValue());
      }
      sb.append("];");
      w.println(sb);
    }
    for (Network.Edge e : net.edges()) {
      StringBuilder sb = new StringBuilder("  ").append(e.source()).append(" -> ").append(e.target()).append(" [");
      sb.append("id=").append(q(e.id()));
      sb.append(", color=").append(q(Palette.edge(e.event().cls())));
      if (!e.directed()) {
        sb.append(", dir=none");
      }
      Map<String, Object> values = Attributes.values(e);
      String date = e.event().date();
      values.put("label", e.label() + (date.isEmpty() || net.eventsAsNodes() ? "" : "\n" + date));
      for (Map.Entry<String, Object> v : values.entrySet()) {
        append(sb, v.getKey(), v.getValue());
      }
      sb.append("];");
      w.println(sb);
    }
    w.println("}");
    w.flush();
  }

  private static void append(StringBuilder sb, String name, Object value) {
    String s = String.valueOf(value);
    if (s.isEmpty()) {
      return;
    }
    sb.append(", ").append(name).append('=').append(q(s));
  }

  /** A DOT double-quoted string; a line break becomes Graphviz's centred-line escape. */
  static String q(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> { }
        default -> sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
