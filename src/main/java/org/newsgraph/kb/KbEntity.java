package org.newsgraph.kb;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the gazetteer: an entity with its identifiers, names and where it came from.
 *
 * @param id stable id: ISO 3166-1 alpha-2 for countries ("ML"), a slug otherwise
 * @param type its kind
 * @param qid Wikidata id ("Q912") or null
 * @param geonames GeoNames id or null
 * @param nameFr French name
 * @param nameEn English name, or null
 * @param aliases French surface forms that name it (without leading article)
 * @param country ISO2 of the country it belongs to or lies in, or null
 * @param lat latitude (WGS84) or null
 * @param lon longitude (WGS84) or null
 * @param population population of a place, or null
 * @param metonymFor what the name stands for when used as an actor (a country ISO2 or an id), or null
 * @param dbpediaFr local name in fr.dbpedia.org, or null
 * @param dbpediaEn local name in dbpedia.org, or null
 * @param source table and row it came from, with its provenance column
 */
public record KbEntity(
    String id, EntityType type, String qid, String geonames, String nameFr, String nameEn,
    List<String> aliases, String country, Double lat, Double lon, Long population,
    String metonymFor, String dbpediaFr, String dbpediaEn, String source) {

  public KbEntity {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(nameFr, "nameFr");
    aliases = List.copyOf(aliases);
    if (qid != null && !isId(qid, 1)) {
      throw new IllegalArgumentException("bad Wikidata id for " + id + ": '" + qid + "'");
    }
    if (geonames != null && !isId(geonames, 0)) {
      throw new IllegalArgumentException("bad GeoNames id for " + id + ": '" + geonames + "'");
    }
  }

  /** "Q[1-9][0-9]*" (prefix 1) or "[1-9][0-9]*" (prefix 0), without a regular expression. */
  private static boolean isId(String s, int prefix) {
    if (prefix == 1 && (s.isEmpty() || s.charAt(0) != 'Q')) {
      return false;
    }
    if (s.length() <= prefix || s.charAt(prefix) < '1' || s.charAt(prefix) > '9') {
      return false;
    }
    for (int i = prefix + 1; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return id + " (" + nameFr + (qid == null ? "" : ", " + qid) + ")";
  }
}
