package org.newsgraph.kb;

import java.util.Locale;

/** The kinds of entities newsgraph knows; each maps to one ontology class. */
public enum EntityType {
  PERSON, ORGANIZATION, COUNTRY, CITY, REGION, RIVER, LAKE, FACILITY;

  /** Parses the type column of the gazetteer tables ("Person", "City"...). */
  public static EntityType parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown entity type '" + s + "'", e);
    }
  }

  /** Can act in events: persons, organisations, countries. */
  public boolean isActor() {
    return this == PERSON || this == ORGANIZATION || this == COUNTRY;
  }

  /** Has a location: countries and the place types. */
  public boolean isPlace() {
    return this != PERSON && this != ORGANIZATION;
  }

  /** The local name of the ontology class ("Person", "City"...). */
  public String className() {
    String n = name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }
}
