package org.newsgraph.export;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Node and edge tables for Gephi's spreadsheet import (and any tool that reads CSV): RFC 4180,
 * UTF-8, a header row. The nodes table starts with {@code Id,Label}; the edges table with
 * {@code Source,Target,Type,Id,Label,Weight} and has an {@code Interval} column in Gephi's
 * interval syntax ({@code <[2023-09-10, 2023-09-10]>}) for its timeline.
 */
final class CsvWriter {

  private CsvWriter() {}

  static void writeNodes(Network net, PrintWriter w) {
    List<Attributes.Attr> attrs = Attributes.node(net);
    List<String> header = new ArrayList<>(List.of("Id", "Label"));
    attrs.stream().map(Attributes.Attr::name).filter(n -> !n.equals("label")).forEach(header::add);
    row(w, header);
    for (Network.Node n : net.nodes()) {
      List<String> r = new ArrayList<>(List.of(n.id(), n.label()));
      Map<String, Object> v = Attributes.values(n, net.eventsAsNodes());
      v.remove("label");
      v.values().forEach(x -> r.add(String.valueOf(x)));
      row(w, r);
    }
    w.flush();
  }

  static void writeEdges(Network net, PrintWriter w) {
    List<String> header = new ArrayList<>(List.of("Source", "Target", "Type", "Id", "Label", "Weight"));
    Attributes.EDGE.stream().map(Attributes.Attr::name)
        .filter(n -> !n.equals("label") && !n.equals("weight")).forEach(header::add);
    header.add("Interval");
    row(w, header);
    for (Network.Edge e : net.edges()) {
      List<String> r = new ArrayList<>(List.of(e.source(), e.target(),
          e.directed() ? "Directed" : "Undirected", e.id(), e.label(), Double.toString(e.weight())));
      Map<String, Object> v = Attributes.values(e);
      v.remove("label");
      v.remove("weight");
      v.values().forEach(x -> r.add(String.valueOf(x)));
      r.add(e.event().start().isEmpty() ? "" : "<[" + e.event().start() + ", " + e.event().end() + "]>");
      row(w, r);
    }
    w.flush();
  }

  private static void row(PrintWriter w, List<String> cells) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(cell(cells.get(i)));
    }
    w.print(sb);
    w.print("\r\n");
  }

  static String cell(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
