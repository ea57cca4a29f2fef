package org.newsgraph.eval;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The hand-made annotation of one article, as read from a gold file by {@link GoldReader}: the
 * actors and places it mentions and the events it reports. Only what scoring needs is kept.
 *
 * @param name the gold file's name without {@code .json}; the article with this id is scored
 * @param actors the actors ({@code actors[]})
 * @param places the places ({@code places[]})
 * @param events the events ({@code events[]}), in file order
 */
public record Gold(String name, List<Entity> actors, List<Entity> places, List<Event> events) {

  public Gold {
    Objects.requireNonNull(name, "name");
    actors = List.copyOf(actors);
    places = List.copyOf(places);
    events = List.copyOf(events);
  }

  /**
   * An actor or a place of the gold.
   *
   * @param id the id that events refer to
   * @param canonical its name
   * @param type Person, Organization, Country, City... (may be null)
   * @param wikidata its Wikidata QID, or null
   * @param geonames its GeoNames id, or null
   * @param surfaceForms the strings that name it in the text
   */
  public record Entity(String id, String canonical, String type, String wikidata, String geonames,
      List<String> surfaceForms) {

    public Entity {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(canonical, "canonical");
      surfaceForms = List.copyOf(surfaceForms);
    }

    /** The canonical name, with the QID when there is one: "Mali (Q912)". */
    public String display() {
      return wikidata == null ? canonical : canonical + " (" + wikidata + ")";
    }
  }

  /**
   * An event of the gold.
   *
   * @param type PhoneCall, Meeting, Attack, Sanctions...
   * @param status occurred, planned, hypothetical, habitual, alleged, denied, not_planned...
   * @param participants ids of the actors taking part, as listed (duplicates kept)
   * @param initiator id of the initiator, or null
   * @param initiatorAlternatives ids that may stand for the initiator
   * @param date YYYY, YYYY-MM or YYYY-MM-DD (or longer), or null
   * @param resolvableFromHeader whether the date can be worked out from the article's header
   */
  public record Event(String type, String status, List<String> participants, String initiator,
      List<String> initiatorAlternatives, String date, boolean resolvableFromHeader) {

    public Event {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(status, "status");
      participants = List.copyOf(participants);
      initiatorAlternatives = List.copyOf(initiatorAlternatives);
    }

    public boolean occurred() {
      return "occurred".equals(status);
    }
  }

  /**
   * The actors and places by id. When an id is both an actor and a place, the place entry is
   * the one kept (the gold files give the same identifiers to both).
   */
  public Map<String, Entity> entitiesById() {
    Map<String, Entity> m = new LinkedHashMap<>();
    for (Entity e : actors) {
      m.put(e.id(), e);
    }
    for (Entity e : places) {
      m.put(e.id(), e);
    }
    return m;
  }

  /** The Wikidata QIDs of the article's entities. */
  public Set<String> qids() {
    Set<String> s = new LinkedHashSet<>();
    for (Entity e : entitiesById().values()) {
      if (e.wikidata() != null) {
        s.add(e.wikidata());
      }
    }
    return s;
  }

  /** The GeoNames ids of the article's entities. */
  public Set<String> geonamesIds() {
    Set<String> s = new LinkedHashSet<>();
    for (Entity e : entitiesById().values()) {
      if (e.geonames() != null) {
        s.add(e.geonames());
      }
    }
    return s;
  }
}
