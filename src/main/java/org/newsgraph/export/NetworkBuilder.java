package org.newsgraph.export;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.system.Txn;
import org.newsgraph.rdf.NG;

/**
 * Reads the event network out of a dataset (whose default graph holds the data, as the store's
 * union default graph does). Events are the resources with an {@code ng:status}; their actors are
 * the values of {@code ng:participant}, {@code ng:initiator} and {@code ng:target}; their places
 * the values of {@code ng:place}.
 *
 * <p>With events as edges, an event with an initiator gives one directed edge from the initiator
 * to each other actor; without one, an undirected edge between each pair of actors; an event with
 * a single actor and a place links the actor to the place. Events with a single actor and no place
 * leave no edge, but still count in the actor's weight. With events as nodes, each event is a
 * node linked to each of its actors and places by its role.
 */
public final class NetworkBuilder {

  private static final String PREFIXES = "PREFIX ng: <" + NG.NS + ">\n"
      + "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
      + "PREFIX rdfs: <" + NG.RDFS + ">\nPREFIX owl: <" + NG.OWL + ">\n";

  private static final String EVENTS = PREFIXES
      + "SELECT ?e ?cls ?date ?cameo ?plover ?status WHERE {\n"
      + "  ?e ng:status ?status ; a ?cls .\n"
      + "  FILTER(STRSTARTS(STR(?cls), STR(ng:)))\n"
      + "  OPTIONAL { ?e ng:date ?date } OPTIONAL { ?e ng:cameoCode ?cameo }\n"
      + "  OPTIONAL { ?e ng:ploverCategory ?plover }\n"
      + "} ORDER BY ?e ?cls ?date";

  private static final String ROLES = PREFIXES
      + "SELECT ?e ?role ?x WHERE {\n"
      + "  ?e ng:status ?s ; ?role ?x .\n"
      + "  VALUES ?role { ng:participant ng:initiator ng:target ng:place }\n"
      + "  FILTER(isIRI(?x))\n"
      + "} ORDER BY ?e ?role ?x";

  private static final String NODE_INFO = PREFIXES
      + "SELECT DISTINCT ?x ?p ?o WHERE {\n"
      + "  ?e ng:status ?s ; ?role ?x .\n"
      + "  VALUES ?role { ng:participant ng:initiator ng:target ng:place }\n"
      + "  ?x ?p ?o .\n"
      + "  VALUES ?p { rdf:type rdfs:label owl:sameAs }\n"
      + "} ORDER BY ?x ?p ?o";

  private static final String EVIDENCE = PREFIXES
      + "SELECT ?e ?text ?article ?begin WHERE {\n"
      + "  ?e ng:status ?s ; ng:evidence ?v .\n"
      + "  ?v ng:text ?text .\n"
      + "  OPTIONAL { ?v ng:article ?article } OPTIONAL { ?v ng:beginIndex ?begin }\n"
      + "} ORDER BY ?e ?article ?begin ?text";

  private static final Set<String> PLACE_CLASSES = Set.of("City", "Region", "River", "Place");

  private final Dataset dataset;
  private Set<String> onlyEvents;
  private boolean eventsAsNodes;

  public NetworkBuilder(Dataset dataset) {
    this.dataset = dataset;
  }

  /** Keeps only these events (IRIs); null keeps all. */
  public NetworkBuilder onlyEvents(Set<String> events) {
    this.onlyEvents = events;
    return this;
  }

  public NetworkBuilder eventsAsNodes(boolean b) {
    this.eventsAsNodes = b;
    return this;
  }

  private static final class Ev {
    String iri;
    String cls = "Event";
    String date = "";
    String cameo = "";
    String plover = "";
    String status = "";
    String evidence = "";
    String article = "";
    final Set<String> participants = new LinkedHashSet<>();
    final Set<String> initiators = new LinkedHashSet<>();
    final Set<String> targets = new LinkedHashSet<>();
    final Set<String> places = new LinkedHashSet<>();

    Set<String> actors() {
      Set<String> s = new java.util.TreeSet<>(participants);
      s.addAll(initiators);
      s.addAll(targets);
      return s;
    }
  }

  private static final class Ent {
    String cls = "";
    String labelFr = "";
    String labelEn = "";
    String labelOther = "";
    String wikidata = "";
    String geonames = "";
    boolean asPlace;
    boolean asActor;
  }

  /** Reads the network. */
  public Network build() {
    return Txn.calculateRead(dataset, this::read);
  }

  private void select(String query, Consumer<QuerySolution> row) {
    try (QueryExecution qe = QueryExecution.dataset(dataset).query(query).build()) {
      ResultSet rs = qe.execSelect();
      while (rs.hasNext()) {
        row.accept(rs.next());
      }
    }
  }

  private Network read() {
    Map<String, Ev> events = new TreeMap<>();
    select(EVENTS, s -> {
      String iri = s.getResource("e").getURI();
      if (iri == null || (onlyEvents != null && !onlyEvents.contains(iri))) {
        return;
      }
      String cls = local(s.getResource("cls").getURI());
      if (cls.equals("Evidence")) {
        return;
      }
      Ev ev = events.get(iri);
      if (ev == null) {
        ev = new Ev();
        ev.iri = iri;
        ev.cls = cls;
        ev.date = lex(s.get("date"));
        ev.cameo = lex(s.get("cameo"));
        ev.plover = lex(s.get("plover"));
        ev.status = s.get("status").isURIResource() ? local(s.getResource("status").getURI()) : lex(s.get("status"));
        events.put(iri, ev);
      } else if (ev.cls.equals("Event") || ev.cls.equals("Interaction")) {
        ev.cls = cls; // prefer the more specific class when a store states several
      }
    });
    Map<String, Ent> ents = new HashMap<>();
    select(ROLES, s -> {
      Ev ev = events.get(s.getResource("e").getURI());
      if (ev == null) {
        return;
      }
      String role = local(s.getResource("role").getURI());
      String x = s.getResource("x").getURI();
      Ent ent = ents.computeIfAbsent(x, k -> new Ent());
      switch (role) {
        case "participant" -> ev.participants.add(x);
        case "initiator" -> ev.initiators.add(x);
        case "target" -> ev.targets.add(x);
        default -> ev.places.add(x);
      }
      if (role.equals("place")) {
        ent.asPlace = true;
      } else {
        ent.asActor = true;
      }
    });
    select(NODE_INFO, s -> {
      Ent ent = ents.get(s.getResource("x").getURI());
      if (ent == null) {
        return;
      }
      String p = local(s.getResource("p").getURI());
      RDFNode o = s.get("o");
      switch (p) {
        case "type" -> {
          String u = o.asResource().getURI();
          if (u != null && u.startsWith(NG.NS) && (ent.cls.isEmpty() || ent.cls.equals("Actor")
              || ent.cls.equals("Place"))) {
            ent.cls = local(u);
          }
        }
        case "label" -> {
          Literal l = o.asLiteral();
          String lang = l.getLanguage();
          if (lang.startsWith("fr") && ent.labelFr.isEmpty()) {
            ent.labelFr = l.getLexicalForm();
          } else if (lang.startsWith("en") && ent.labelEn.isEmpty()) {
            ent.labelEn = l.getLexicalForm();
          } else if (ent.labelOther.isEmpty()) {
            ent.labelOther = l.getLexicalForm();
          }
        }
        default -> {
          String u = o.isURIResource() ? o.asResource().getURI() : "";
          if (u.startsWith(NG.WD) && ent.wikidata.isEmpty()) {
            ent.wikidata = u.substring(NG.WD.length());
          } else if (u.startsWith(NG.GEONAMES) && ent.geonames.isEmpty()) {
            ent.geonames = u.substring(NG.GEONAMES.length()).replace("/", "");
          }
        }
      }
    });
    select(EVIDENCE, s -> {
      Ev ev = events.get(s.getResource("e").getURI());
      if (ev != null && ev.evidence.isEmpty()) {
        ev.evidence = lex(s.get("text"));
        RDFNode a = s.get("article");
        ev.article = a != null && a.isURIResource() ? a.asResource().getURI() : "";
      }
    });

    // Events in date order (undated last), then by IRI.
    List<Ev> ordered = new ArrayList<>(events.values());
    ordered.sort(Comparator.comparing((Ev e) -> e.date.isEmpty() ? "~" : e.date).thenComparing(e -> e.iri));

    // Nodes: every actor and place of the events kept, by IRI.
    Map<String, Integer> weight = new TreeMap<>();
    for (Ev e : ordered) {
      Set<String> touched = new LinkedHashSet<>(e.actors());
      touched.addAll(e.places);
      touched.forEach(x -> weight.merge(x, 1, Integer::sum));
    }
    Map<String, String> idOf = new HashMap<>();
    List<Network.Node> nodes = new ArrayList<>();
    for (Map.Entry<String, Integer> w : weight.entrySet()) {
      String iri = w.getKey();
      Ent ent = ents.getOrDefault(iri, new Ent());
      String cls = ent.cls.isEmpty() ? (ent.asActor ? "Actor" : "Place") : ent.cls;
      Network.Kind kind = PLACE_CLASSES.contains(cls) || (!ent.asActor && cls.equals("Place"))
          ? Network.Kind.PLACE : Network.Kind.ACTOR;
      String label = !ent.labelFr.isEmpty() ? ent.labelFr : !ent.labelEn.isEmpty() ? ent.labelEn
          : !ent.labelOther.isEmpty() ? ent.labelOther : lastSegment(iri);
      String id = "n" + nodes.size();
      idOf.put(iri, id);
      nodes.add(new Network.Node(id, iri, kind, cls, label, ent.labelFr, ent.labelEn, ent.wikidata,
          ent.geonames, w.getValue(), null));
    }

    List<Network.Edge> edges = new ArrayList<>();
    for (Ev e : ordered) {
      Network.EventInfo info = info(e);
      if (eventsAsNodes) {
        String eid = "n" + nodes.size();
        nodes.add(new Network.Node(eid, e.iri, Network.Kind.EVENT, e.cls,
            e.cls + (e.date.isEmpty() ? "" : " " + e.date), "", "", "", "", 1, info));
        Map<String, String> roles = new LinkedHashMap<>();
        for (String x : e.actors()) {
          roles.put(x, e.initiators.contains(x) ? "initiator" : e.targets.contains(x) ? "target" : "participant");
        }
        for (String x : e.places) {
          roles.putIfAbsent(x, "place");
        }
        roles.forEach((x, role) -> edges.add(new Network.Edge("e" + edges.size(), eid, idOf.get(x),
            true, role, role, 1.0, info)));
        continue;
      }
      List<String> actors = new ArrayList<>(e.actors());
      String initiator = e.initiators.stream().filter(actors::contains).findFirst().orElse(null);
      if (actors.size() >= 2) {
        if (initiator != null) {
          for (String other : actors) {
            if (!other.equals(initiator)) {
              edges.add(new Network.Edge("e" + edges.size(), idOf.get(initiator), idOf.get(other),
                  true, e.cls, "participants", 1.0, info));
            }
          }
        } else {
          for (int i = 0; i < actors.size(); i++) {
            for (int j = i + 1; j < actors.size(); j++) {
              edges.add(new Network.Edge("e" + edges.size(), idOf.get(actors.get(i)),
                  idOf.get(actors.get(j)), false, e.cls, "participants", 1.0, info));
            }
          }
        }
      } else if (actors.size() == 1) {
        for (String place : e.places) {
          if (!place.equals(actors.get(0))) {
            edges.add(new Network.Edge("e" + edges.size(), idOf.get(actors.get(0)), idOf.get(place),
                false, e.cls, "place", 1.0, info));
          }
        }
      }
    }
    return new Network(List.copyOf(nodes), List.copyOf(edges), eventsAsNodes);
  }

  private static Network.EventInfo info(Ev e) {
    String[] period = period(e.date);
    return new Network.EventInfo(e.iri, e.cls, e.date, period[0], period[1], e.cameo, e.plover,
        e.status, e.evidence, e.article);
  }

  /** The first and last day of a date, a month or a year; empty strings when not a date. */
  static String[] period(String date) {
    try {
      if (date.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
        String d = date.substring(0, 10);
        LocalDate.parse(d);
        return new String[] {d, d};
      }
      if (date.matches("\\d{4}-\\d{2}.*")) {
        YearMonth ym = YearMonth.parse(date.substring(0, 7));
        return new String[] {ym.atDay(1).toString(), ym.atEndOfMonth().toString()};
      }
      if (date.matches("\\d{4}.*")) {
        Year y = Year.parse(date.substring(0, 4));
        return new String[] {y.atDay(1).toString(), y.atMonth(12).atEndOfMonth().toString()};
      }
    } catch (DateTimeParseException e) {
      // not a date we can place on a timeline
    }
    return new String[] {"", ""};
  }

  private static String lex(RDFNode n) {
    if (n == null) {
      return "";
    }
    return n.isLiteral() ? n.asLiteral().getLexicalForm() : n.isURIResource() ? n.asResource().getURI() : "";
  }

  static String local(String iri) {
    int i = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
    return iri.substring(i + 1);
  }

  private static String lastSegment(String iri) {
    String s = iri.endsWith("/") ? iri.substring(0, iri.length() - 1) : iri;
    String l = local(s);
    try {
      return java.net.URLDecoder.decode(l, java.nio.charset.StandardCharsets.UTF_8).replace('_', ' ');
    } catch (IllegalArgumentException e) {
      return l;
    }
  }
}
