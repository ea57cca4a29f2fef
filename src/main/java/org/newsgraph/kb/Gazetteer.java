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
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
  private volatile Set<String> nameBeginnings;
  private PlaceTable places = new PlaceTable();
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

  /**
   * Loads the tables from a source: countries.tsv, entities.tsv and offices.tsv (required), then
   * the generated places.tsv and regions.tsv when the source has them.
   */
  public static Gazetteer load(TableSource source) {
    // the big GeoNames table is read on another thread while the curated tables are analysed
    java.util.concurrent.CompletableFuture<PlaceTable> places =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> PlaceTable.read(source));
    Gazetteer g = new Gazetteer();
    try {
      g.readTable(source, "countries.tsv", g::addCountry);
      g.readTable(source, "entities.tsv", g::addEntity);
      g.readTable(source, "offices.tsv", g::addOffice);
      g.linkCapitals();
      GeneratedTables.read(g, source);
    } catch (RuntimeException e) {
      places.cancel(true);
      throw e;
    }
    try {
      g.places = places.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
    return g;
  }

  // ---- look-ups

  public Optional<KbEntity> get(String id) {
    KbEntity e = byId.get(id);
    return Optional.ofNullable(e != null ? e : places.byId(id));
  }

  /** Every entity: the curated and generated tables' first, then the GeoNames places. */
  public java.util.Collection<KbEntity> all() {
    return new java.util.AbstractCollection<>() {
      @Override
      public java.util.Iterator<KbEntity> iterator() {
        java.util.Iterator<KbEntity> first = byId.values().iterator();
        return new java.util.Iterator<>() {
          int row = 0;

          @Override
          public boolean hasNext() {
            return first.hasNext() || row < places.size();
          }

          @Override
          public KbEntity next() {
            if (first.hasNext()) {
              return first.next();
            }
            if (row >= places.size()) {
              throw new java.util.NoSuchElementException();
            }
            return places.row(row++);
          }
        };
      }

      @Override
      public int size() {
        return Gazetteer.this.size();
      }
    };
  }

  /** Entities a folded token key names ("cote d' ivoire"); empty when none. */
  public List<KbEntity> byName(String key) {
    List<KbEntity> curated = byName.getOrDefault(key, List.of());
    if (!places.hasKey(key)) {
      return curated;
    }
    List<KbEntity> p = places.byKey(key);
    if (curated.isEmpty()) {
      return p;
    }
    List<KbEntity> all = new ArrayList<>(curated.size() + p.size());
    all.addAll(curated);
    all.addAll(p);
    return Collections.unmodifiableList(all);
  }

  /** The GeoNames admin1 code ("ML.08") of a generated place, or null. */
  public String admin1(KbEntity place) {
    int row = places.rowOf(place);
    return row < 0 ? null : places.admin1(row);
  }

  /** Countries a folded demonym form names ("malienne" -> Mali); empty when none. */
  public List<KbEntity> byDemonym(String key) {
    return byDemonym.getOrDefault(key, List.of());
  }

  /**
   * Settles a name that several entities share ("Niger", "Tripoli", "Géorgie"):
   * <ol>
   *   <li>an entity of the wanted type, when the words around the name ask for one ("le fleuve
   *       Niger": {@link EntityType#RIVER}) and a candidate has it;
   *   <li>otherwise the kind that acts or is best known first: country, organisation, person,
   *       city, region, river or lake, facility; so a name that is a country is the country by
   *       default. A region of a country that the article names more often than the country the
   *       name also denotes wins over that country ("Géorgie" in an article about the United
   *       States is the US state);
   *   <li>among entities of that kind, the one whose country the article names most (the order
   *       of {@code articleCountries}, most named first), then the most populous, then curated
   *       before generated, then by id.
   * </ol>
   *
   * @param cands the entities a name denotes (not empty)
   * @param wanted the type the context asks for, or null
   * @param articleCountries ids (ISO2) of the countries the article names, most named first
   */
  public KbEntity choose(List<KbEntity> cands, EntityType wanted, List<String> articleCountries) {
    if (cands.isEmpty()) {
      throw new IllegalArgumentException("no candidates");
    }
    if (cands.size() == 1) {
      return cands.get(0);
    }
    List<String> ctx = articleCountries == null ? List.of() : articleCountries;
    List<KbEntity> pool = cands;
    if (wanted != null) {
      List<KbEntity> w = cands.stream().filter(e -> e.type() == wanted).toList();
      if (!w.isEmpty()) {
        pool = w;
      }
    }
    int bestPriority = pool.stream().mapToInt(e -> priority(e.type())).min().orElseThrow();
    List<KbEntity> best = pool.stream().filter(e -> priority(e.type()) == bestPriority).toList();
    if (wanted == null && best.get(0).type() == EntityType.COUNTRY) {
      int countryRank = best.stream().mapToInt(e -> rank(ctx, e.id())).min().orElseThrow();
      List<KbEntity> regions = pool.stream()
          .filter(e -> e.type() == EntityType.REGION && rank(ctx, e.country()) < countryRank)
          .toList();
      if (!regions.isEmpty()) {
        best = regions;
      }
    }
    Comparator<KbEntity> order = Comparator
        .comparingInt((KbEntity e) -> rank(ctx, e.country()))
        .thenComparingLong(e -> -(e.population() == null ? 0L : e.population()))
        .thenComparingInt(e -> isGenerated(e) ? 1 : 0)
        .thenComparing(KbEntity::id);
    return best.stream().min(order).orElseThrow();
  }

  private static int rank(List<String> ctx, String country) {
    int i = country == null ? -1 : ctx.indexOf(country);
    return i < 0 ? Integer.MAX_VALUE : i;
  }

  /** The order of kinds for a name that several kinds share: lower first. */
  public static int priority(EntityType type) {
    return switch (type) {
      case COUNTRY -> 0;
      case ORGANIZATION -> 1;
      case PERSON -> 2;
      case CITY -> 3;
      case REGION -> 4;
      case RIVER, LAKE -> 5;
      case FACILITY -> 6;
    };
  }

  /** True for the places generated from GeoNames and the regions from ISO 3166-2. */
  public static boolean isGenerated(KbEntity e) {
    return e.source().startsWith(PlaceTable.FILE) || e.source().startsWith(GeneratedTables.REGIONS);
  }

  /** The longest name, in tokens. */
  public int maxNameTokens() {
    return Math.max(maxNameTokens, places.maxKeyTokens());
  }

  /**
   * True when {@code key} is the beginning of a longer name, whole tokens only: "cote d'" begins
   * "cote d' ivoire". A recogniser looking for the longest name at a token extends its key one
   * token at a time while this holds (most tokens of a text begin no name at all). The set of
   * beginnings is built on first use.
   */
  public boolean beginsName(String key) {
    Set<String> b = nameBeginnings;
    if (b == null) {
      synchronized (this) {
        b = nameBeginnings;
        if (b == null) {
          b = new HashSet<>();
          for (String k : byName.keySet()) {
            addBeginnings(b, k);
          }
          for (String k : places.keys()) {
            addBeginnings(b, k);
          }
          nameBeginnings = b;
        }
      }
    }
    return b.contains(key);
  }

  private static void addBeginnings(Set<String> b, String key) {
    for (int i = key.indexOf(' '); i >= 0; i = key.indexOf(' ', i + 1)) {
      b.add(key.substring(0, i));
    }
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

  /** How many distinct name keys are indexed. */
  public int keyCount() {
    int n = byName.size();
    for (String k : places.keys()) {
      if (!byName.containsKey(k)) {
        n++;
      }
    }
    return n;
  }

  public int size() {
    return byId.size() + places.size();
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

  /** Adds a generated entity under keys already folded; false when its id is taken. */
  boolean putGenerated(KbEntity e, String[] keys) {
    if (byId.putIfAbsent(e.id(), e) != null) {
      return false;
    }
    for (String k : keys) {
      if (k.isEmpty()) {
        continue;
      }
      List<KbEntity> l = byName.get(k);
      if (l == null) {
        l = new ArrayList<>(1);
        byName.put(k, l);
      } else if (containsSame(l, e)) {
        continue;
      }
      l.add(e);
      int n = 1;
      for (int i = 0; i < k.length(); i++) {
        if (k.charAt(i) == ' ') {
          n++;
        }
      }
      maxNameTokens = Math.max(maxNameTokens, n);
    }
    return true;
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
      if (!containsSame(l, e)) {
        l.add(e);
      }
      maxNameTokens = Math.max(maxNameTokens, k.split(" ").length);
    }
  }

  /** Identity look-up: record equality compares every field and is slow before the JIT warms. */
  private static boolean containsSame(List<KbEntity> l, KbEntity e) {
    for (KbEntity x : l) {
      if (x == e) {
        return true;
      }
    }
    return false;
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
