package org.newsgraph.extract;

import java.util.Objects;
import org.newsgraph.kb.EntityType;
import org.newsgraph.kb.KbEntity;

/**
 * An entity as resolved in an article: a gazetteer entry, or a name the gazetteer lacks.
 *
 * @param key identity key: {@code kb:ID} for gazetteer entries, {@code TYPE:slug} otherwise;
 *     entities with the same key are the same node in the graph
 * @param type its kind
 * @param nameFr French label
 * @param nameEn English label, or null
 * @param kb the gazetteer entry, or null for names it lacks
 * @param rule the rule or gazetteer row that identified it
 */
public record Entity(String key, EntityType type, String nameFr, String nameEn, KbEntity kb,
    String rule) {

  public Entity {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(nameFr, "nameFr");
  }

  public static Entity of(KbEntity e, String rule) {
    return new Entity("kb:" + e.id(), e.type(), e.nameFr(), e.nameEn(), e, rule);
  }

  /** Wikidata id, or null. */
  public String qid() {
    return kb == null ? null : kb.qid();
  }

  /** ISO2 of the entity's country: itself for a country. */
  public String country() {
    if (kb == null) {
      int colon = key.indexOf(':');
      return key.startsWith("junta:") ? key.substring(colon + 1) : null;
    }
    return kb.country();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Entity e && e.key.equals(key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  @Override
  public String toString() {
    return nameFr + (qid() == null ? "" : " (" + qid() + ")");
  }
}
