package org.newsgraph.kb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.newsgraph.text.FrenchAnalyzer;
import org.newsgraph.text.Token;

/**
 * The offline knowledge base: countries, organisations, persons, places and offices, with their
 * French names, read from the tab-separated tables bundled under {@code org/newsgraph/kb/}.
 *
 * <p>Names are indexed by folded token keys ({@code "cote d' ivoire"}) for longest-match lookup.
 *
 * <pre>{@code
 * Gazetteer kb = Gazetteer.bundled();
 * kb.byName("cote d' ivoire");         // -> [CI]
 * kb.holder("head_of_state", "RU", LocalDate.of(2023, 9, 10)); // -> vladimir_putin
 * }</pre>
 */
public final class Gazetteer {

  private static final String BASE = "/org/newsgraph/kb/";
  private static volatile Gazetteer bundled;

  private final Map<String, KbEntity> byId = new LinkedHashMap<>();
  private final Map<String, List<KbEntity>> byName = new HashMap<>();
  private final Map<String, List<KbEntity>> byDemonym = new HashMap<>();
  private final Map<String, String> articleOf = new HashMap<>();
  private final Map<String, String> capitalOfCity = new HashMap<>();
  private final Map<String, String> capitalQid = new HashMap<>();
  private final Map<String, String> capitalGeonames = new HashMap<>();
  private final List<Office> offices = new ArrayList<>();
  private final Map<String, List<Office>> officesOf = new HashMap<>();
  private int maxNameTokens = 1;
  private final FrenchAnalyzer analyzer = new FrenchAnalyzer();

  private Gazetteer() {}

  /** The gazetteer bundled in the jar, loaded once. */
  public static Gazetteer bundled() {
    Gazetteer g = bundled;
    if (g == null) {
      synchronized (Gazetteer.class) {
        g = bundled;
        if (g == null) {
          g = load(name -> Gazetteer.class.getResourceAsStream(BASE + name));
          bundled = g;
        }
      }
    }
    return g;
  }

  /** Opens a table by file name; returns null when absent. */
  public interface TableSource {
    InputStream open(String name) throws IOException;
  }

  /** Loads the three tables (countries.tsv, entities.tsv, offices.tsv) from a source. */
  public static Gazetteer load(TableSource source) {
    Gazetteer g = new Gazetteer();
    g.readTable(source, "countries.tsv", g::addCountry);
    g.readTable(source, "entities.tsv", g::addEntity);
    g.readTable(source, "offices.tsv", g::addOffice);
    g.linkCapitals();
    return g;
  }

  // ---- look-ups

  public Optional<KbEntity> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public java.util.Collection<KbEntity> all() {
    return Collections.unmodifiableCollection(byId.values());
  }

  /** Entities a folded token key names ("cote d' ivoire"); empty when none. */
  public List<KbEntity> byName(String key) {
    return byName.getOrDefault(key, List.of());
  }

  /** Countries a folded demonym form names ("malienne" -> Mali); empty when none. */
  public List<KbEntity> byDemonym(String key) {
    return byDemonym.getOrDefault(key, List.of());
  }

  /** The longest name, in tokens. */
  public int maxNameTokens() {
    return maxNameTokens;
  }

  /** The article a country name takes in French ("le", "la", "les", "l'") or "" for none. */
  public String articleOf(String countryId) {
    return articleOf.getOrDefault(countryId, "");
  }

  /** The country a city is the capital of, when it is one. */
  public Optional<KbEntity> countryOfCapital(KbEntity city) {
    return Optional.ofNullable(capitalOfCity.get(city.id())).flatMap(this::get);
  }

  /**
   * What a place or building stands for when used as an actor: its {@code metonym_for} entry
   * ("Moscou" -> Russia, "Koulouba" -> Mali), or the country a capital is the capital of.
   */
  public Optional<KbEntity> standsFor(KbEntity e) {
    if (e.metonymFor() != null) {
      Optional<KbEntity> m = get(e.metonymFor());
      if (m.isPresent()) {
        return m;
      }
    }
    return e.type() == EntityType.CITY ? countryOfCapital(e) : Optional.empty();
  }

  /** The person who held a role in a country on a day; empty when unknown or ambiguous. */
  public Optional<KbEntity> holder(String role, String country, LocalDate day) {
    List<KbEntity> found = offices.stream()
        .filter(o -> o.role().equals(role) && o.country().equals(country) && o.covers(day))
        .map(o -> byId.get(o.personId()))
        .distinct()
        .collect(Collectors.toList());
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  /** The terms of office a person held. */
  public List<Office> officesOf(String personId) {
    return officesOf.getOrDefault(personId, List.of());
  }

  public int size() {
    return byId.size();
  }

  // ---- loading

  private interface RowHandler {
    void row(Row row);
  }

  /** One row of a table with its place, for messages. */
  record Row(String table, int line, Map<String, String> cells) {
    String get(String col) {
      String v = cells.get(col);
      return v == null || v.isBlank() ? null : v.trim();
    }

    String required(String col) {
      String v = get(col);
      if (v == null) {
        throw new IllegalArgumentException(table + ":" + line + ": empty column '" + col + "'");
      }
      return v;
    }

    List<String> list(String col) {
      String v = get(col);
      if (v == null) {
        return List.of();
      }
      return Arrays.stream(v.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    Double dbl(String col) {
      String v = get(col);
      try {
        return v == null ? null : Double.valueOf(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(table + ":" + line + ": bad number in '" + col + "': " + v);
      }
    }

    Long lng(String col) {
      Double d = dbl(col);
      return d == null ? null : d.longValue();
    }

    LocalDate date(String col) {
      String v = get(col);
      try {
        return v == null ? null : LocalDate.parse(v);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(table + ":" + line + ": bad date in '" + col + "': " + v);
      }
    }

    String where() {
      return table + ":" + line;
    }
  }

  private void readTable(TableSource source, String name, RowHandler handler) {
    try (InputStream in = source.open(name)) {
      if (in == null) {
        throw new IllegalStateException("gazetteer table missing: " + name);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String header = null;
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        if (header == null) {
          header = line;
          continue;
        }
        String[] cols = header.split("\t", -1);
        if (cells.length != cols.length) {
          throw new IllegalArgumentException(name + ":" + n + ": " + cells.length
              + " columns where the header has " + cols.length);
        }
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < cols.length; i++) {
          m.put(cols[i].trim(), cells[i]);
        }
        Row row = new Row(name, n, m);
        try {
          handler.row(row);
        } catch (IllegalArgumentException e) {
          String msg = e.getMessage();
          throw new IllegalArgumentException(msg.startsWith(name) ? msg : row.where() + ": " + msg, e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read gazetteer table " + name, e);
    }
  }

  private void addCountry(Row r) {
    String iso2 = r.required("iso2");
    List<String> names = new ArrayList<>();
    names.add(r.required("name_fr"));
    names.addAll(r.list("names_fr_alt"));
    KbEntity e = new KbEntity(iso2, EntityType.COUNTRY, r.get("qid"), r.get("geonames"),
        r.required("name_fr"), r.get("name_en"), names, iso2, null, null, null, null,
        r.get("dbpedia_fr"), r.get("dbpedia_en"), r.where() + " " + orEmpty(r.get("source")));
    put(e, r);
    String art = r.get("article_fr");
    articleOf.put(iso2, art == null ? "" : art);
    for (String d : r.list("demonyms_fr")) {
      List<KbEntity> l = byDemonym.computeIfAbsent(key(d), k -> new ArrayList<>());
      if (!l.contains(e)) {
        l.add(e);
      }
    }
    if (r.get("capital_qid") != null) {
      capitalQid.put(iso2, r.get("capital_qid"));
    }
    if (r.get("capital_geonames") != null) {
      capitalGeonames.put(iso2, r.get("capital_geonames"));
    }
  }

  private void addEntity(Row r) {
    List<String> names = new ArrayList<>();
    names.add(r.required("name_fr"));
    names.addAll(r.list("aliases_fr"));
    KbEntity e = new KbEntity(r.required("id"), EntityType.parse(r.required("type")), r.get("qid"),
        r.get("geonames"), r.required("name_fr"), r.get("name_en"), names, r.get("country"),
        r.dbl("lat"), r.dbl("lon"), r.lng("population"), r.get("metonym_for"), r.get("dbpedia_fr"),
        null, r.where() + " " + orEmpty(r.get("source")));
    put(e, r);
  }

  private void addOffice(Row r) {
    String person = r.required("person_id");
    KbEntity p = byId.get(person);
    if (p == null || p.type() != EntityType.PERSON) {
      throw new IllegalArgumentException("office of unknown person '" + person + "'");
    }
    Office o = new Office(person, r.required("role"), r.required("country"), r.get("title_fr"),
        r.date("start"), r.date("end"), r.where() + " " + orEmpty(r.get("source")));
    offices.add(o);
    officesOf.computeIfAbsent(person, k -> new ArrayList<>()).add(o);
  }

  private void put(KbEntity e, Row r) {
    if (byId.putIfAbsent(e.id(), e) != null) {
      throw new IllegalArgumentException("duplicate id '" + e.id() + "'");
    }
    for (String name : e.aliases()) {
      String k = key(name);
      if (k.isEmpty()) {
        continue;
      }
      List<KbEntity> l = byName.computeIfAbsent(k, x -> new ArrayList<>(1));
      if (!l.contains(e)) {
        l.add(e);
      }
      maxNameTokens = Math.max(maxNameTokens, k.split(" ").length);
    }
  }

  private void linkCapitals() {
    for (KbEntity e : byId.values()) {
      if (e.type() != EntityType.CITY) {
        continue;
      }
      for (Map.Entry<String, String> c : capitalQid.entrySet()) {
        if (c.getValue().equals(e.qid())) {
          capitalOfCity.put(e.id(), c.getKey());
        }
      }
      for (Map.Entry<String, String> c : capitalGeonames.entrySet()) {
        if (c.getValue().equals(e.geonames())) {
          capitalOfCity.put(e.id(), c.getKey());
        }
      }
    }
  }

  /** The folded token key of a name, as the matcher builds it from text. */
  public String key(String name) {
    List<Token> tokens = analyzer.tokenize(name, 0, name.length());
    return tokens.stream().map(Token::key).collect(Collectors.joining(" "));
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
