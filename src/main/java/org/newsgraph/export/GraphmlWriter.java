package org.newsgraph.export;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * GraphML with typed attribute keys (read by Gephi, Cytoscape, JGraphT, NetworkX) and yEd's
 * yFiles extension ({@code y:ShapeNode} with a {@code y:NodeLabel}, {@code y:PolyLineEdge} with a
 * {@code y:EdgeLabel}) so that yEd shows labels and colours. Nodes start on a circle.
 */
final class GraphmlWriter {

  static final String GRAPHML = "http://graphml.graphdrawing.org/xmlns";
  static final String Y = "http://www.yworks.com/xml/graphml";
  static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  private GraphmlWriter() {}

  static void write(Network net, OutputStream out) throws XMLStreamException {
    XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
    w.writeStartDocument("UTF-8", "1.0");
    w.writeCharacters("\n");
    w.setDefaultNamespace(GRAPHML);
    w.writeStartElement(GRAPHML, "graphml");
    w.writeDefaultNamespace(GRAPHML);
    w.writeNamespace("xsi", XSI);
    w.writeNamespace("y", Y);
    w.writeAttribute(XSI, "schemaLocation",
        GRAPHML + " http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd");
    nl(w);
    List<Attributes.Attr> nodeAttrs = Attributes.node(net);
    for (Attributes.Attr a : nodeAttrs) {
      key(w, "node", "n_" + a.name(), a.name(), a.type());
    }
    // Cytoscape names nodes by a "name" column.
    key(w, "node", "n_name", "name", "string");
    for (Attributes.Attr a : Attributes.EDGE) {
      key(w, "edge", "e_" + a.name(), a.name(), a.type());
    }
    key(w, "edge", "e_interaction", "interaction", "string");
    w.writeEmptyElement(GRAPHML, "key");
    w.writeAttribute("for", "node");
    w.writeAttribute("id", "y_node");
    w.writeAttribute("yfiles.type", "nodegraphics");
    nl(w);
    w.writeEmptyElement(GRAPHML, "key");
    w.writeAttribute("for", "edge");
    w.writeAttribute("id", "y_edge");
    w.writeAttribute("yfiles.type", "edgegraphics");
    nl(w);

    w.writeStartElement(GRAPHML, "graph");
    w.writeAttribute("id", "newsgraph");
    w.writeAttribute("edgedefault", "undirected");
    nl(w);
    int count = net.nodes().size();
    int i = 0;
    double radius = Math.max(150, count * 25);
    for (Network.Node n : net.nodes()) {
      w.writeStartElement(GRAPHML, "node");
      w.writeAttribute("id", n.id());
      for (Map.Entry<String, Object> v : Attributes.values(n, net.eventsAsNodes()).entrySet()) {
        data(w, "n_" + v.getKey(), v.getValue());
      }
      data(w, "n_name", n.label());
      double angle = 2 * Math.PI * i++ / Math.max(1, count);
      double width = Math.max(60, 8 * n.label().length() + 16);
      w.writeStartElement(GRAPHML, "data");
      w.writeAttribute("key", "y_node");
      w.writeStartElement(Y, "ShapeNode");
      w.writeEmptyElement(Y, "Geometry");
      w.writeAttribute("height", "30.0");
      w.writeAttribute("width", num(width));
      w.writeAttribute("x", num(radius * Math.cos(angle) - width / 2));
      w.writeAttribute("y", num(radius * Math.sin(angle) - 15));
      w.writeEmptyElement(Y, "Fill");
      w.writeAttribute("color", Palette.node(n));
      w.writeAttribute("transparent", "false");
      w.writeEmptyElement(Y, "BorderStyle");
      w.writeAttribute("color", "#333333");
      w.writeAttribute("type", "line");
      w.writeAttribute("width", "1.0");
      w.writeStartElement(Y, "NodeLabel");
      w.writeCharacters(n.label());
      w.writeEndElement();
      w.writeEmptyElement(Y, "Shape");
      w.writeAttribute("type", switch (n.kind()) {
        case ACTOR -> "ellipse";
        case PLACE -> "roundrectangle";
        case EVENT -> "diamond";
      });
      w.writeEndElement(); // ShapeNode
      w.writeEndElement(); // data
      w.writeEndElement(); // node
      nl(w);
    }
    for (Network.Edge e : net.edges()) {
      w.writeStartElement(GRAPHML, "edge");
      w.writeAttribute("id", e.id());
      w.writeAttribute("source", e.source());
      w.writeAttribute("target", e.target());
      w.writeAttribute("directed", Boolean.toString(e.directed()));
      for (Map.Entry<String, Object> v : Attributes.values(e).entrySet()) {
        data(w, "e_" + v.getKey(), v.getValue());
      }
      data(w, "e_interaction", e.label());
      w.writeStartElement(GRAPHML, "data");
      w.writeAttribute("key", "y_edge");
      w.writeStartElement(Y, "PolyLineEdge");
      w.writeEmptyElement(Y, "LineStyle");
      w.writeAttribute("color", Palette.edge(e.event().cls()));
      w.writeAttribute("type", "line");
      w.writeAttribute("width", "2.0");
      w.writeEmptyElement(Y, "Arrows");
      w.writeAttribute("source", "none");
      w.writeAttribute("target", e.directed() ? "standard" : "none");
      w.writeStartElement(Y, "EdgeLabel");
      w.writeCharacters(e.label() + (e.event().date().isEmpty() || net.eventsAsNodes() ? "" : " " + e.event().date()));
      w.writeEndElement();
      w.writeEndElement(); // PolyLineEdge
      w.writeEndElement(); // data
      w.writeEndElement(); // edge
      nl(w);
    }
    w.writeEndElement(); // graph
    nl(w);
    w.writeEndElement(); // graphml
    w.writeCharacters("\n");
    w.writeEndDocument();
    w.flush();
    w.close();
  }

  private static void key(XMLStreamWriter w, String forWhat, String id, String name, String type)
      throws XMLStreamException {
    w.writeEmptyElement(GRAPHML, "key");
    w.writeAttribute("id", id);
    w.writeAttribute("for", forWhat);
    w.writeAttribute("attr.name", name);
    w.writeAttribute("attr.type", type);
    nl(w);
  }

  private static void data(XMLStreamWriter w, String key, Object value) throws XMLStreamException {
    String s = String.valueOf(value);
    if (s.isEmpty()) {
      return;
    }
    w.writeStartElement(GRAPHML, "data");
    w.writeAttribute("key", key);
    w.writeCharacters(s);
    w.writeEndElement();
  }

  private static String num(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }

  private static void nl(XMLStreamWriter w) throws XMLStreamException {
    w.writeCharacters("\n");
  }
}
