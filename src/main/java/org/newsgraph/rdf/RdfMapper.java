package org.newsgraph.rdf;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.article.Article;
import org.newsgraph.article.PartialDate;
import org.newsgraph.extract.Entity;
import org.newsgraph.extract.Event;
import org.newsgraph.extract.Extraction;
import org.newsgraph.kb.EntityType;
import org.newsgraph.kb.Gazetteer;
import org.newsgraph.kb.KbEntity;
import org.newsgraph.kb.ReferenceFacts;

/**
 * Writes an {@link Extraction} as RDF quads into the article's named graph, under the ontology of
 * {@code ontology/newsgraph.ttl}. Output goes to a {@link StreamRDF}; the same extraction always
 * gives the same quads in the same order.
 */
public final class RdfMapper {

  private final Iris iris;

  public RdfMapper(Iris iris) {
    this.iris = iris;
  }

  public Iris iris() {
    return iris;
  }

  /** Emits the article's quads; does not call start() or finish() on the sink. */
  public void map(Extraction x, StreamRDF out) {
    Article a = x.article();
    Node g = uri(iris.articleGraph(a.id()));
    Emitter em = new Emitter(g, out);
    Node art = uri(iris.article(a.id()));
    em.add(art, NG.RDF_TYPE, NG.SCHEMA_NEWS_ARTICLE);
    em.add(art, NG.SCHEMA_IDENTIFIER, str(a.id()));
    if (a.published() != null) {
      em.add(art, NG.SCHEMA_DATE_PUBLISHED, date(a.published()));
    }
    em.add(art, NG.SCHEMA_IN_LANGUAGE, str(a.lang()));
    if (a.title() != null && !a.title().isBlank()) {
      em.add(art, NG.SCHEMA_HEADLINE, NodeFactory.createLiteralLang(a.title(), a.lang()));
    }
    if (a.url() != null && !a.url().isBlank()) {
      em.add(art, NG.SCHEMA_URL, str(a.url()));
    }
    em.add(art, NG.sha256, str(a.sha256()));
    em.add(art, NG.sourceFile, str(a.source()));
    Set<Entity> entities = new LinkedHashSet<>(x.entities());
    for (Entity e : entities) {
      em.add(art, NG.SCHEMA_MENTIONS, uri(iris.entity(e)));
    }
    for (Entity e : entities) {
      entity(e, em);
    }
    List<String> eventIris = new ArrayList<>();
    for (Event e : x.events()) {
      eventIris.add(iris.event(e, a.id()));
    }
    for (int i = 0; i < x.events().size(); i++) {
      event(x.events().get(i), eventIris.get(i), eventIris, art, a.id(), em);
    }
  }

  /**
   * An entity: its class and labels in the article graph (each article reads on its own); the
   * gazetteer facts (owl:sameAs to Wikidata, GeoNames and DBpedia, coordinates and WKT geometry,
   * country, population) in the reference graph, see {@link ReferenceFacts}.
   */
  private void entity(Entity e, Emitter em) {
    Node s = uri(iris.entity(e));
    em.add(s, NG.RDF_TYPE, NG.cls(e.type().className()));
    em.add(s, NG.RDFS_LABEL, NodeFactory.createLiteralLang(e.nameFr(), "fr"));
    if (e.nameEn() != null) {
      em.add(s, NG.RDFS_LABEL, NodeFactory.createLiteralLang(e.nameEn(), "en"));
    }
    KbEntity kb = e.kb();
    Node ref = uri(ReferenceFacts.graph(iris.base()));
    if (kb == null) {
      // one copy of the label in the reference graph as well, where queries look labels up once
      // instead of in every article that names the entity (the gazetteer writes its own there)
      em.addIn(ref, s, NG.RDFS_LABEL, NodeFactory.createLiteralLang(e.nameFr(), "fr"));
      return;
    }
    Consumer<Quad> sink = q -> {
      if (em.seen.add(q)) {
        em.out.quad(q);
      }
    };
    Function<String, String> countryIri =
        iso2 -> Gazetteer.bundled().get(iso2).map(c -> iris.entity(Entity.of(c, "gazetteer"))).orElse(null);
    ReferenceFacts.emit(kb, s.getURI(), ref, countryIri, sink);
    // the country a place lies in gets its own reference facts too (labels, owl:sameAs), even when
    // the article never names it: ng:country then leads to an entity that can be found by its
    // Wikidata IRI ("the attacks in Mali" finds those at Ménaka) and shown with a name
    if (kb.type().isPlace() && kb.type() != EntityType.COUNTRY && kb.country() != null) {
      Gazetteer.bundled().get(kb.country()).filter(c -> c.type() == EntityType.COUNTRY)
          .ifPresent(c -> ReferenceFacts.emit(c, iris.entity(Entity.of(c, "gazetteer")), ref, countryIri, sink));
    }
  }

  private void event(Event e, String iri, List<String> all, Node art, String articleId, Emitter em) {
    Node s = uri(iri);
    em.add(s, NG.RDF_TYPE, NG.cls(e.type().localName()));
    em.add(s, NG.status, NG.status(e.status().localName()));
    if (e.type().cameo() != null) {
      em.add(s, NG.cameoCode, str(e.type().cameo()));
    }
    if (e.type().plover() != null) {
      em.add(s, NG.ploverCategory, str(e.type().plover()));
    }
    List<String> actors = new ArrayList<>();
    for (Entity p : e.participants()) {
      String actor = iris.entity(p);
      em.add(s, NG.participant, uri(actor));
      if (!actors.contains(actor)) {
        actors.add(actor);
      }
    }
    dyads(s, actors, em);
    if (e.initiator() != null) {
      em.add(s, NG.initiator, uri(iris.entity(e.initiator())));
    }
    if (e.target() != null) {
      em.add(s, NG.target, uri(iris.entity(e.target())));
    }
    if (e.date() != null) {
      em.add(s, NG.date, date(e.date()));
      if (e.date().month() != null) {
        em.add(s, NG.month, NodeFactory.createLiteralDT(
            PartialDate.ofMonth(e.date().year(), e.date().month()).toString(),
            XSDDatatype.XSDgYearMonth));
      }
      tenures(e, s, em);
    }
    if (e.dateExpression() != null) {
      em.add(s, NG.dateExpression, str(e.dateExpression()));
    }
    if (e.place() != null) {
      em.add(s, NG.place, uri(iris.entity(e.place())));
    }
    for (String t : e.topics()) {
      em.add(s, NG.topic, NodeFactory.createLiteralLang(t, "fr"));
    }
    if (e.reportedBy() != null) {
      em.add(s, NG.reportedBy, uri(iris.entity(e.reportedBy())));
    }
    if (e.partOf() >= 0) {
      em.add(s, NG.partOf, uri(all.get(e.partOf())));
    }
    Event.Casualties c = e.casualties();
    if (c != null) {
      integer(em, s, NG.deathToll, c.killed());
      integer(em, s, NG.civilianDeaths, c.civilians());
      integer(em, s, NG.militaryDeaths, c.military());
      if (c.killed() != null) {
        em.add(s, NG.deathTollIsMinimum,
            NodeFactory.createLiteralDT(Boolean.toString(c.minimum()), XSDDatatype.XSDboolean));
      }
    }
    for (Event.Evidence ev : e.evidence()) {
      Node n = uri(iris.evidence(articleId, iri, ev.sentence()));
      em.add(s, NG.evidence, n);
      em.add(n, NG.RDF_TYPE, NG.Evidence);
      em.add(n, NG.article, art);
      em.add(n, NG.text, str(ev.text()));
      em.add(n, NG.beginIndex, nonNeg(ev.start()));
      em.add(n, NG.endIndex, nonNeg(ev.end()));
      em.add(n, NG.trigger, str(ev.trigger()));
      for (String r : ev.rules()) {
        em.add(n, NG.rule, str(r));
      }
    }
  }

  /**
   * One ng:dyad per pair of the event's actors, so that the events of two actors are one index
   * range to read instead of an intersection of their events; the dyad itself (its two
   * ng:member) goes to the reference graph, like the entities it pairs.
   */
  private void dyads(Node event, List<String> actors, Emitter em) {
    if (actors.size() < 2) {
      return;
    }
    Node ref = uri(ReferenceFacts.graph(iris.base()));
    for (int i = 0; i < actors.size(); i++) {
      for (int j = i + 1; j < actors.size(); j++) {
        Node d = uri(iris.dyad(actors.get(i), actors.get(j)));
        em.add(event, NG.dyad, d);
        em.addIn(ref, d, NG.RDF_TYPE, NG.Dyad);
        em.addIn(ref, d, NG.member, uri(actors.get(i)));
        em.addIn(ref, d, NG.member, uri(actors.get(j)));
      }
    }
  }

  private static void integer(Emitter em, Node s, Node p, Integer v) {
    if (v != null) {
      em.add(s, p, NodeFactory.createLiteralDT(Integer.toString(v), XSDDatatype.XSDinteger));
    }
  }

  /** A date literal typed by its precision: xsd:date, xsd:gYearMonth or xsd:gYear. */
  public static Node date(PartialDate d) {
    XSDDatatype t = switch (d.precision()) {
      case DAY -> XSDDatatype.XSDdate;
      case MONTH -> XSDDatatype.XSDgYearMonth;
      case YEAR -> XSDDatatype.XSDgYear;
    };
    return NodeFactory.createLiteralDT(d.toString(), t);
  }

  private static Node nonNeg(int v) {
    return NodeFactory.createLiteralDT(Integer.toString(v), XSDDatatype.XSDnonNegativeInteger);
  }

  private static Node str(String s) {
    return NodeFactory.createLiteralString(s);
  }

  private static Node uri(String s) {
    return NodeFactory.createURI(s);
  }

  /**
   * The terms of office the event's actors were serving on its date (the whole date: a month
   * counts only when one term covers all of it): {@code ng:tenure} on the event, and the term
   * itself (holder, office, country, first and last day) in the reference graph.
   */
  private void tenures(Event e, Node s, Emitter em) {
    Set<Entity> actors = new LinkedHashSet<>(e.participants());
    if (e.initiator() != null) {
      actors.add(e.initiator());
    }
    if (e.target() != null) {
      actors.add(e.target());
    }
    Node ref = null;
    for (Entity a : actors) {
      if (a.kb() == null || a.type() != org.newsgraph.kb.EntityType.PERSON) {
        continue;
      }
      for (org.newsgraph.kb.Office o : Gazetteer.bundled().officesOf(a.kb().id())) {
        if (!o.covers(e.date().start()) || !o.covers(e.date().end())) {
          continue;
        }
        Node t = uri(iris.tenure(o));
        em.add(s, NG.tenure, t);
        if (ref == null) {
          ref = uri(ReferenceFacts.graph(iris.base()));
        }
        em.addIn(ref, t, NG.RDF_TYPE, NG.Tenure);
        em.addIn(ref, t, NG.holder, uri(iris.entity(a)));
        em.addIn(ref, t, NG.officeRole, NG.officeRole(o.role()));
        String country = Gazetteer.bundled().get(o.country())
            .map(c -> iris.entity(Entity.of(c, "gazetteer"))).orElse(null);
        if (country != null) {
          em.addIn(ref, t, NG.jurisdiction, uri(country));
        }
        if (o.start() != null) {
          em.addIn(ref, t, NG.startDate, NodeFactory.createLiteralDT(o.start().toString(),
              XSDDatatype.XSDdate));
        }
        if (o.end() != null) {
          em.addIn(ref, t, NG.endDate, NodeFactory.createLiteralDT(o.end().toString(),
              XSDDatatype.XSDdate));
        }
      }
    }
  }

  /** Emits each quad once, in first-seen order. */
  private static final class Emitter {
    private final Node g;
    private final StreamRDF out;
    private final Set<Quad> seen = new LinkedHashSet<>();

    Emitter(Node g, StreamRDF out) {
      this.g = g;
      this.out = out;
    }

    void add(Node s, Node p, Node o) {
      addIn(g, s, p, o);
    }

    void addIn(Node graph, Node s, Node p, Node o) {
      Quad q = Quad.create(graph, s, p, o);
      if (seen.add(q)) {
        out.quad(q);
      }
    }
  }
}
