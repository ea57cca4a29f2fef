package org.newsgraph.export;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * GEXF 1.3 for Gephi: a dynamic graph whose dated edges (and event nodes) carry a time interval
 * (the first and last day of the event's date: a day, a month or a year), and whose nodes appear
 * from the date of their first dated event, so that Gephi's timeline filters the network.
 * Attributes are declared and typed; colours and sizes use the viz extension.
 */
final class GexfWriter {

  static final String GEXF = "http://gexf.net/1.3";
  static final String VIZ = "http://gexf.net/1.3/viz";
  static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  private GexfWriter() {}

  static void write(Network net, OutputStream out) throws XMLStreamException {
    XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
    w.writeStartDocument("UTF-8", "1.0");
    w.writeCharacters("\n");
    w.setDefaultNamespace(GEXF);
    w.writeStartElement(GEXF, "gexf");
    w.writeDefaultNamespace(GEXF);
    w.writeNamespace("viz", VIZ);
    w.writeNamespace("xsi", XSI);
    w.writeAttribute(XSI, "schemaLocation", GEXF + " http://gexf.net/1.3/gexf.xsd");
    w.writeAttribute("version", "1.3");
    nl(w);
    w.writeStartElement(GEXF, "meta");
    w.writeAttribute("lastmodifieddate", LocalDate.now().toString());
    text(w, "creator", "newsgraph");
    text(w, "description", net.eventsAsNodes()
        ? "Events, actors and places of French news (events as nodes)"
        : "Actors and places of French news linked by events (one edge per event)");
    w.writeEndElement();
    nl(w);
    w.writeStartElement(GEXF, "graph");
    w.writeAttribute("mode", "dynamic");
    w.writeAttribute("defaultedgetype", "undirected");
    w.writeAttribute("timeformat", "date");
    w.writeAttribute("timerepresentation", "interval");
    nl(w);
    declare(w, "node", Attributes.node(net));
    declare(w, "edge", Attributes.EDGE);

    // A node appears from the first day of its earliest dated event.
    Map<String, String> firstDate = new HashMap<>();
    for (Network.Edge e : net.edges()) {
      String start = e.event().start();
      if (!start.isEmpty()) {
        for (String id : List.of(e.source(), e.target())) {
          firstDate.merge(id, start, (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
      }
    }
    w.writeStartElement(GEXF, "nodes");
    nl(w);
    for (Network.Node n : net.nodes()) {
      w.writeStartElement(GEXF, "node");
      w.writeAttribute("id", n.id());
      w.writeAttribute("label", n.label());
      if (n.event() != null && !n.event().start().isEmpty()) {
        w.writeAttribute("start", n.event().start());
        w.writeAttribute("end", n.event().end());
      } else if (firstDate.containsKey(n.id())) {
        w.writeAttribute("start", firstDate.get(n.id()));
      }
      attvalues(w, Attributes.values(n, net.eventsAsNodes()));
      int[] c = Palette.rgb(Palette.node(n));
      w.writeEmptyElement(VIZ, "color");
      w.writeAttribute("r", Integer.toString(c[0]));
      w.writeAttribute("g", Integer.toString(c[1]));
      w.writeAttribute("b", Integer.toString(c[2]));
      w.writeEmptyElement(VIZ, "size");
      w.writeAttribute("value", String.format(Locale.ROOT, "%.1f", 8 + 4 * Math.sqrt(n.weight())));
      w.writeEndElement();
      nl(w);
    }
    w.writeEndElement();
    nl(w);
    w.writeStartElement(GEXF, "edges");
    nl(w);
    for (Network.Edge e : net.edges()) {
      w.writeStartElement(GEXF, "edge");
      w.writeAttribute("id", e.id());
      w.writeAttribute("source", e.source());
      w.writeAttribute("target", e.target());
      w.writeAttribute("type", e.directed() ? "directed" : "undirected");
      w.writeAttribute("label", e.label());
      w.writeAttribute("kind", e.label());
      w.writeAttribute("weight", String.format(Locale.ROOT, "%.1f", e.weight()));
      if (!e.event().start().isEmpty()) {
        w.writeAttribute("start", e.event().start());
        w.writeAttribute("end", e.event().end());
      }
      attvalues(w, Attributes.values(e));
      int[] c = Palette.rgb(Palette.edge(e.event().cls()));
      w.writeEmptyElement(VIZ, "color");
      w.writeAttribute("r", Integer.toString(c[0]));
      w.writeAttribute("g", Integer.toString(c[1]));
      w.writeAttribute("b", Integer.toString(c[2]));
      w.writeEndElement();
      nl(w);
    }
    w.writeEndElement();
    nl(w);
    w.writeEndElement(); // graph
    nl(w);
    w.writeEndElement(); // gexf
    w.writeCharacters("\n");
    w.writeEndDocument();
    w.flush();
    w.close();
  }

  private static void declare(XMLStreamWriter w, String cls, List<Attributes.Attr> attrs)
      throws XMLStreamException {
    w.writeStartElement(GEXF, "attributes");
    w.writeAttribute("class", cls);
    w.writeAttribute("mode", "static");
    nl(w);
    for (Attributes.Attr a : attrs) {
      w.writeEmptyElement(GEXF, "attribute");
      w.writeAttribute("id", a.name());
      w.writeAttribute("title", a.name());
      w.writeAttribute("type", switch (a.type()) {
        case "int" -> "integer";
        default -> a.type();
      });
      nl(w);
    }
    w.writeEndElement();
    nl(w);
  }

  private static void attvalues(XMLStreamWriter w, Map<String, Object> values) throws XMLStreamException {
    w.writeStartElement(GEXF, "attvalues");
    for (Map.Entry<String, Object> v : values.entrySet()) {
      String s = String.valueOf(v.getValue());
      if (s.isEmpty()) {
        continue;
      }
      w.writeEmptyElement(GEXF, "attvalue");
      w.writeAttribute("for", v.getKey());
      w.writeAttribute("value", s);
    }
    w.writeEndElement();
  }

  private static void text(XMLStreamWriter w, String name, String s) throws XMLStreamException {
    w.writeStartElement(GEXF, name);
    w.writeCharacters(s);
    w.writeEndElement();
  }

  private static void nl(XMLStreamWriter w) throws XMLStreamException {
    w.writeCharacters("\n");
  }
}
