package org.newsgraph.rdf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.newsgraph.extract.Entity;
import org.newsgraph.extract.Event;
import org.newsgraph.extract.EventClass;
import org.newsgraph.kb.KbEntity;

/**
 * Mints the IRIs of the data under a base. The same thing always gets the same IRI: entities by
 * Wikidata or GeoNames id when known, else by type and name; events by class, participants and
 * date, so that the same event reported by several articles is one node.
 */
public final class Iris {

  private final String base;

  public Iris(String base) {
    Objects.requireNonNull(base, "base");
    if (!base.matches("(?i)https?://[^\\s<>\"{}|\\\\^`]+[/#]")) {
      throw new IllegalArgumentException("base IRI must be http(s) and end with '/' or '#': '" + base + "'");
    }
    this.base = base;
  }

  public String base() {
    return base;
  }

  public String article(String id) {
    return base + "article/" + id;
  }

  /** The named graph that holds what was read from one article. */
  public String articleGraph(String id) {
    return base + "graph/article/" + id;
  }

  /** Prefix of all article graphs, for listing them. */
  public String articleGraphPrefix() {
    return base + "graph/article/";
  }

  /** A term of office of the gazetteer: holder, role, country and first day make it. */
  public String tenure(org.newsgraph.kb.Office o) {
    return base + "tenure/" + o.personId().toLowerCase(Locale.ROOT) + "/" + o.role() + "/"
        + o.country().toLowerCase(Locale.ROOT) + "/" + (o.start() == null ? "unknown" : o.start());
  }

  public String entity(Entity e) {
    KbEntity kb = e.kb();
    if (kb != null && kb.qid() != null) {
      return base + "entity/" + kb.qid();
    }
    if (kb != null && kb.geonames() != null) {
      return base + "entity/gn/" + kb.geonames();
    }
    String type = e.type().name().toLowerCase(Locale.ROOT);
    if (kb != null) {
      return base + "entity/" + type + "/" + kb.id().toLowerCase(Locale.ROOT);
    }
    String key = e.key();
    if (key.startsWith("group:")) {
      String[] p = key.split(":", 3);
      return base + "entity/group/" + p[1] + "/" + p[2];
    }
    if (key.startsWith("junta:")) {
      return base + "entity/organization/junta-" + key.substring(6).toLowerCase(Locale.ROOT);
    }
    return base + "entity/" + type + "/" + slug(e.nameFr());
  }

  /**
   * The event's IRI: from its class family, status, participants and date when it has a date and
   * participants (so that articles share it), else scoped to the article and sentence.
   */
  public String event(Event e, String articleId) {
    String family = e.type() == EventClass.INTERACTION || e.type() == EventClass.PHONE_CALL
        ? "talk" : e.type().localName();
    String people = e.participants().stream().map(this::entity).sorted()
        .collect(Collectors.joining(" "));
    String key;
    if (e.date() != null && !e.participants().isEmpty()) {
      key = family + "|" + e.status() + "|" + people + "|" + e.date();
    } else {
      key = family + "|" + e.status() + "|" + people + "|" + e.date() + "|" + articleId + "|"
          + e.evidence().get(0).sentence();
    }
    return base + "event/" + hash(key);
  }

  /**
   * The dyad of two actors, given by their entity IRIs: the unordered pair, so that both orders
   * give the same IRI, and every event of the same two actors points to the same node.
   */
  public String dyad(String actorA, String actorB) {
    if (actorA.equals(actorB)) {
      throw new IllegalArgumentException("a dyad needs two different actors: " + actorA);
    }
    String pair = actorA.compareTo(actorB) < 0 ? actorA + " " + actorB : actorB + " " + actorA;
    return base + "dyad/" + hash(pair);
  }

  public String evidence(String articleId, String eventIri, int sentence) {
    return base + "evidence/" + articleId + "/" + eventIri.substring(eventIri.lastIndexOf('/') + 1)
        + "-s" + sentence;
  }

  static String hash(String key) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String slug(String s) {
    String n = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
        .replaceAll("(^-|-$)", "");
    return n.isEmpty() ? "x" : n;
  }
}
