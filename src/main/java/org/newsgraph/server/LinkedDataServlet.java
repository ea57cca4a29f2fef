package org.newsgraph.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.newsgraph.rdf.NG;
import org.newsgraph.rdf.Prefixes;

/**
 * Linked-data pages. A data IRI {@code BASE + PATH} (BASE is {@code https://w3id.org/newsgraph/id/}
 * by default) is served at {@code /id/PATH} of the server. The answer holds the triples whose
 * subject is the resource, those of its evidence nodes and the labels of the resources it links to,
 * as HTML for a browser (with the events that point to it) or, by content negotiation on the
 * Accept header, Turtle ({@code text/turtle}), JSON-LD ({@code application/ld+json}), N-Triples or
 * RDF/XML. {@code ?format=ttl|jsonld|nt|rdfxml|html} overrides the header. Unknown IRIs give 404.
 */
final class LinkedDataServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient DatasetGraph dsg;
  private final String base;

  LinkedDataServlet(DatasetGraph dsg, String base) {
    this.dsg = dsg;
    this.base = base;
  }

  /** What an answer can be. */
  enum Kind {
    HTML("text/html", null), TURTLE("text/turtle", RDFFormat.TURTLE_PRETTY),
    JSONLD("application/ld+json", RDFFormat.JSONLD), NTRIPLES("application/n-triples", RDFFormat.NTRIPLES),
    RDFXML("application/rdf+xml", RDFFormat.RDFXML_PLAIN);

    final String mediaType;
    final RDFFormat format;

    Kind(String mediaType, RDFFormat format) {
      this.mediaType = mediaType;
      this.format = format;
    }
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String rawPath = req.getRequestURI().substring(req.getContextPath().length());
    if (!rawPath.startsWith("/id/") || rawPath.length() <= 4) {
      resp.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    String local = rawPath.substring(4);
    Kind kind = choose(req.getParameter("format"), req.getHeader("Accept"));
    if (kind == null) {
      resp.sendError(HttpServletResponse.SC_NOT_ACCEPTABLE,
          "text/html, text/turtle, application/ld+json, application/n-triples or application/rdf+xml");
      return;
    }
    resp.setHeader("Vary", "Accept");
    boolean found = Txn.calculateRead(dsg, () -> {
      Node s = NodeFactory.createURI(base + local);
      Graph union = dsg.getUnionGraph();
      if (!union.contains(s, Node.ANY, Node.ANY)) {
        String decoded = URLDecoder.decode(local, StandardCharsets.UTF_8);
        s = NodeFactory.createURI(base + decoded);
        if (!union.contains(s, Node.ANY, Node.ANY)) {
          return false;
        }
      }
      Graph g = describe(union, s);
      try {
        if (kind == Kind.HTML) {
          resp.setContentType("text/html; charset=utf-8");
          html(resp.getWriter(), s, g, incoming(union, s), req.getContextPath());
        } else {
          resp.setContentType(kind.mediaType + (kind == Kind.JSONLD || kind == Kind.TURTLE ? "; charset=utf-8" : ""));
          RDFWriter.source(g).format(kind.format).output(resp.getOutputStream());
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return true;
    });
    if (!found) {
      resp.sendError(HttpServletResponse.SC_NOT_FOUND, "No resource " + base + local + " in the store");
    }
  }

  /** The answer kind for a ?format value or an Accept header (HTML when a browser asks for it). */
  static Kind choose(String format, String accept) {
    if (format != null && !format.isBlank()) {
      return switch (format.toLowerCase(Locale.ROOT)) {
        case "html" -> Kind.HTML;
        case "ttl", "turtle" -> Kind.TURTLE;
        case "jsonld", "json-ld", "json" -> Kind.JSONLD;
        case "nt", "ntriples" -> Kind.NTRIPLES;
        case "rdf", "rdfxml", "xml" -> Kind.RDFXML;
        default -> null;
      };
    }
    if (accept == null || accept.isBlank()) {
      return Kind.TURTLE;
    }
    Kind best = null;
    double bestQ = 0;
    int bestRank = Integer.MAX_VALUE;
    String[] parts = accept.split(",");
    for (int i = 0; i < parts.length; i++) {
      String[] fields = parts[i].trim().split(";");
      String type = fields[0].trim().toLowerCase(Locale.ROOT);
      double q = 1;
      for (int j = 1; j < fields.length; j++) {
        String f = fields[j].trim();
        if (f.startsWith("q=")) {
          try {
            q = Double.parseDouble(f.substring(2));
          } catch (NumberFormatException e) {
            q = 0;
          }
        }
      }
      Kind k = switch (type) {
        case "text/html", "application/xhtml+xml" -> Kind.HTML;
        case "text/turtle", "application/x-turtle" -> Kind.TURTLE;
        case "application/ld+json", "application/json" -> Kind.JSONLD;
        case "application/n-triples", "text/plain" -> Kind.NTRIPLES;
        case "application/rdf+xml" -> Kind.RDFXML;
        case "*/*", "text/*", "application/*" -> type.equals("application/*") ? Kind.JSONLD : Kind.TURTLE;
        default -> null;
      };
      // Wildcards lose against explicit types with the same q.
      int rank = type.contains("*") ? 1000 + i : i;
      if (k != null && q > 0 && (q > bestQ || (q == bestQ && rank < bestRank))) {
        best = k;
        bestQ = q;
        bestRank = rank;
      }
    }
    return best;
  }

  /** The resource's own triples, its evidence nodes' triples and the labels of what it links to. */
  private Graph describe(Graph union, Node s) {
    Graph g = GraphFactory.createDefaultGraph();
    PrefixMap pm = PrefixMapFactory.create();
    Prefixes.apply(pm, base);
    pm.add("sem", NG.SEM);
    pm.getMapping().forEach(g.getPrefixMapping()::setNsPrefix);
    List<Triple> own = union.find(s, Node.ANY, Node.ANY).toList();
    own.forEach(g::add);
    for (Triple t : own) {
      Node o = t.getObject();
      if (!o.isURI() || o.equals(s)) {
        continue;
      }
      if (t.getPredicate().equals(NG.evidence)) {
        union.find(o, Node.ANY, Node.ANY).forEachRemaining(g::add);
      } else {
        union.find(o, NG.RDFS_LABEL, Node.ANY).forEachRemaining(g::add);
      }
    }
    return g;
  }

  private static List<Triple> incoming(Graph union, Node s) {
    List<Triple> in = new ArrayList<>();
    var it = union.find(Node.ANY, Node.ANY, s);
    while (it.hasNext() && in.size() < 500) {
      in.add(it.next());
    }
    it.close();
    return in;
  }

  private void html(PrintWriter w, Node s, Graph g, List<Triple> in, String ctx) {
    String title = label(g, s);
    w.println("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">");
    w.println("<title>" + esc(title) + " — newsgraph</title>");
    w.println("<link rel=\"stylesheet\" href=\"" + ctx + "/resource.css\">");
    w.println("<link rel=\"alternate\" type=\"text/turtle\" href=\"?format=ttl\">");
    w.println("<link rel=\"alternate\" type=\"application/ld+json\" href=\"?format=jsonld\">");
    w.println("</head><body><header><a href=\"" + ctx + "/\">newsgraph</a></header><main>");
    w.println("<h1>" + esc(title) + "</h1>");
    w.println("<p class=\"iri\"><code>" + esc(s.getURI()) + "</code></p>");
    w.println("<p class=\"formats\">Turtle: <a href=\"?format=ttl\">ttl</a> · JSON-LD: <a href=\"?format=jsonld\">jsonld</a>"
        + " · N-Triples: <a href=\"?format=nt\">nt</a> · RDF/XML: <a href=\"?format=rdfxml\">rdf</a>"
        + " · <a href=\"" + ctx + "/#focus=" + esc(urlEncode(s.getURI())) + "\">Voir dans le graphe / Show in the graph</a></p>");
    w.println("<h2>Propriétés / Properties</h2><table>");
    List<Triple> own = new ArrayList<>(g.find(s, Node.ANY, Node.ANY).toList());
    own.sort(Comparator.comparing((Triple t) -> t.getPredicate().getURI()).thenComparing(t -> t.getObject().toString()));
    for (Triple t : own) {
      w.println("<tr><th>" + esc(shortName(t.getPredicate().getURI(), g)) + "</th><td>" + value(t.getObject(), g, ctx) + "</td></tr>");
    }
    w.println("</table>");
    List<Triple> evidence = own.stream().filter(t -> t.getPredicate().equals(NG.evidence)).toList();
    if (!evidence.isEmpty()) {
      w.println("<h2>Preuves / Evidence</h2>");
      for (Triple t : evidence) {
        Node ev = t.getObject();
        String text = literal(g, ev, NG.text);
        Node article = g.find(ev, NG.article, Node.ANY).nextOptional().map(Triple::getObject).orElse(null);
        w.println("<blockquote>" + esc(text) + "</blockquote>");
        if (article != null) {
          w.println("<p class=\"source\">— " + value(article, g, ctx) + "</p>");
        }
      }
    }
    if (!in.isEmpty()) {
      w.println("<h2>Cité par / Referenced by</h2><table>");
      for (Triple t : in) {
        w.println("<tr><td>" + value(t.getSubject(), g, ctx) + "</td><th>" + esc(shortName(t.getPredicate().getURI(), g)) + "</th></tr>");
      }
      w.println("</table>");
    }
    w.println("</main></body></html>");
    w.flush();
  }

  private String value(Node o, Graph g, String ctx) {
    if (o.isURI()) {
      String u = o.getURI();
      String shown = shortName(u, g);
      String lab = g.find(o, NG.RDFS_LABEL, Node.ANY).nextOptional().map(t -> t.getObject().getLiteralLexicalForm()).orElse(null);
      String href = u.startsWith(base) ? ctx + "/id/" + u.substring(base.length()) : u;
      String ext = u.startsWith(base) ? "" : " rel=\"noopener\" target=\"_blank\"";
      return "<a href=\"" + esc(href) + "\"" + ext + ">" + esc(lab != null ? lab + " (" + shown + ")" : shown) + "</a>";
    }
    if (o.isLiteral()) {
      String lang = o.getLiteralLanguage();
      String dt = o.getLiteralDatatypeURI();
      String suffix = lang != null && !lang.isEmpty() ? " <span class=\"lang\">@" + esc(lang) + "</span>"
          : dt != null && !dt.endsWith("#string") && !dt.endsWith("#langString") ? " <span class=\"dt\">" + esc(shortName(dt, g)) + "</span>" : "";
      return esc(o.getLiteralLexicalForm()) + suffix;
    }
    return esc(o.toString());
  }

  private String label(Graph g, Node s) {
    String fr = null;
    String any = null;
    for (Triple t : g.find(s, NG.RDFS_LABEL, Node.ANY).toList()) {
      String lang = t.getObject().getLiteralLanguage();
      if (lang.startsWith("fr")) {
        fr = t.getObject().getLiteralLexicalForm();
      } else if (any == null) {
        any = t.getObject().getLiteralLexicalForm();
      }
    }
    if (fr != null) {
      return fr;
    }
    if (any != null) {
      return any;
    }
    String type = g.find(s, NG.RDF_TYPE, Node.ANY).nextOptional()
        .map(t -> t.getObject().isURI() ? t.getObject().getLocalName() : "").orElse("");
    String date = literal(g, s, NG.date);
    String local = s.getURI().substring(Math.max(s.getURI().lastIndexOf('/'), s.getURI().lastIndexOf('#')) + 1);
    return (type + " " + date).trim().isEmpty() ? local : (type + " " + date).trim();
  }

  private static String literal(Graph g, Node s, Node p) {
    return g.find(s, p, Node.ANY).nextOptional().filter(t -> t.getObject().isLiteral())
        .map(t -> t.getObject().getLiteralLexicalForm()).orElse("");
  }

  private static String shortName(String iri, Graph g) {
    String s = g.getPrefixMapping().shortForm(iri);
    return s == null ? iri : s;
  }

  private static String urlEncode(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
