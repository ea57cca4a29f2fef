package org.newsgraph.kb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Collectors;

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
  /** While loading: the keys of names folded at build time ({@link GazetteerIndex#NAME_KEYS}). */
  private Map<String, String> knownKeys = Map.of();
  /** While loading for {@link #foldedNames}: every name folded, with its key. */
  private Map<String, String> folds;

  private Gazetteer() {}

  /** The gazetteer bundled in the jar, loaded once. */
  public static Gazetteer bundled() {
    Gazetteer g = bundled;
    if (g == null) {
      synchronized (Gazetteer.class) {
        g = bundled;
        if (g == null) {
          g = load(new Bundled());
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

  /** The tables in the jar (a class rather than a lambda: one bootstrap less in a fresh JVM). */
  private static final class Bundled implements TableSource {
    @Override
    public InputStream open(String name) {
      return Gazetteer.class.getResourceAsStream(BASE.concat(name));
    }
  }

  /**
   * Loads the tables from a source: countries.tsv, entities.tsv and offices.tsv (required), then
   * the generated places.tsv and regions.tsv when the source has them. What the build derives from
   * the tables ({@link GazetteerIndex}) is used when the source has it and it fits the tables;
   * it changes how fast they load, never what is loaded.
   */
  public static Gazetteer load(TableSource source) {
    return load(source, null);
  }

  /**
   * The key of every name that loading the curated tables folds, in the order they are first
   * folded: what {@link GazetteerIndex} writes to {@link GazetteerIndex#NAME_KEYS}.
   */
  static Map<String, String> foldedNames(TableSource source) {
    Map<String, String> folds = new LinkedHashMap<>();
    load(source, folds);
    return folds;
  }

  private static Gazetteer load(TableSource source, Map<String, String> folds) {
    // the generated tables are read on another thread while the curated tables are read
    FutureTask<GeneratedTables.Regions> regions = new FutureTask<>(
        new Callable<GeneratedTables.Regions>() {
          @Override
          public GeneratedTables.Regions call() {
            return GeneratedTables.read(source);
          }
        });
    FutureTask<PlaceTable> places = new FutureTask<>(new Callable<PlaceTable>() {
      @Override
      public PlaceTable call() {
        return PlaceTable.read(source);
      }
    });
    Thread reader = new Thread(new Runnable() {
      @Override
      public void run() {
        regions.run();
        places.run();
      }
    }, "gazetteer-generated");
    reader.setDaemon(true);
    reader.start();
    Gazetteer g = new Gazetteer();
    g.folds = folds;
    try {
      if (folds == null) {
        g.knownKeys = GazetteerIndex.nameKeys(source);
      }
      g.readTable(source, COUNTRIES);
      g.readTable(source, ENTITIES);
      g.readTable(source, OFFICES);
      g.linkCapitals();
      GeneratedTables.add(g, join(regions));
    } catch (RuntimeException e) {
      places.cancel(true);
      throw e;
    }
    g.places = join(places);
    g.knownKeys = Map.of();
    g.folds = null;
    return g;
  }

  /** What the other thread read, waiting for it without giving up on an interrupt. */
  private static <T> T join(FutureTask<T> task) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return task.get();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
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

  private static final String COUNTRIES = "countries.tsv";
  private static final String ENTITIES = "entities.tsv";
  private static final String OFFICES = "offices.tsv";

  /**
   * One row of a table with its place, for messages. The cells are looked up through the
   * table's header ({@code columns}: column name to cell index, shared by all its rows).
   */
  record Row(String table, int line, Map<String, Integer> columns, String[] cells) {
    String get(String col) {
      Integer i = columns.get(col);
      String v = i == null ? null : cells[i];
      return v == null || v.isBlank() ? null : v.trim();
    }

    String required(String col) {
      String v = get(col);
      if (v == null) {
        throw new IllegalArgumentException(where() + ": empty column '" + col + "'");
      }
      return v;
    }

    /** The non-empty items of a cell of items separated by "|", trimmed. */
    List<String> list(String col) {
      String v = get(col);
      if (v == null) {
        return List.of();
      }
      List<String> out = new ArrayList<>();
      int from = 0;
      for (int i = 0; i <= v.length(); i++) {
        if (i == v.length() || v.charAt(i) == '|') {
          String item = v.substring(from, i).trim();
          if (!item.isEmpty()) {
            out.add(item);
          }
          from = i + 1;
        }
      }
      return out;
    }

    Double dbl(String col) {
      String v = get(col);
      try {
        return v == null ? null : Double.valueOf(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(where() + ": bad number in '" + col + "': " + v);
      }
    }

    Long lng(String col) {
      Double d = dbl(col);
      return d == null ? null : d.longValue();
    }

    LocalDate date(String col) {
      String v = get(col);
      try {
        return v == null ? null : isoDate(v);
      } catch (DateTimeException e) {
        throw new IllegalArgumentException(where() + ": bad date in '" + col + "': " + v);
      }
    }

    String where() {
      return new StringBuilder(table).append(':').append(line).toString();
    }

    /** "countries.tsv:12 " + the source column: where an entity comes from. */
    String source() {
      String s = get("source");
      return new StringBuilder(table).append(':').append(line).append(' ')
          .append(s == null ? "" : s).toString();
    }
  }

  /**
   * A date written YYYY-MM-DD, as {@link LocalDate#parse} reads it; other forms go to that parser
   * (whose first use in a JVM costs more than all the dates of the tables).
   */
  static LocalDate isoDate(String v) {
    if (v.length() == 10 && v.charAt(4) == '-' && v.charAt(7) == '-') {
      int y = digits(v, 0, 4);
      int m = digits(v, 5, 7);
      int d = digits(v, 8, 10);
      if (y >= 0 && m >= 0 && d >= 0) {
        return LocalDate.of(y, m, d);
      }
    }
    return LocalDate.parse(v);
  }

  /** The number the ASCII digits of s[from, to) write, or -1. */
  private static int digits(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  private void readTable(TableSource source, String name) {
    try (InputStream in = source.open(name)) {
      if (in == null) {
        throw new IllegalStateException("gazetteer table missing: " + name);
      }
      TsvLines r = new TsvLines(in);
      Map<String, Integer> columns = null;
      int width = 0;
      String line;
      while ((line = r.next()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = TsvLines.cells(line);
        if (columns == null) {
          columns = new HashMap<>();
          for (int i = 0; i < cells.length; i++) {
            columns.put(cells[i].trim(), i);
          }
          width = cells.length;
          continue;
        }
        if (cells.length != width) {
          throw new IllegalArgumentException(name + ":" + r.number() + ": " + cells.length
              + " columns where the header has " + width);
        }
        Row row = new Row(name, r.number(), columns, cells);
        try {
          switch (name) {
            case COUNTRIES -> addCountry(row);
            case ENTITIES -> addEntity(row);
            default -> addOffice(row);
          }
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
        r.get("dbpedia_fr"), r.get("dbpedia_en"), r.source());
    put(e, r);
    String art = r.get("article_fr");
    articleOf.put(iso2, art == null ? "" : art);
    for (String d : r.list("demonyms_fr")) {
      List<KbEntity> l = listAt(byDemonym, fold(d));
      if (!containsSame(l, e)) {
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
        null, r.source());
    put(e, r);
  }

  private void addOffice(Row r) {
    String person = r.required("person_id");
    KbEntity p = byId.get(person);
    if (p == null || p.type() != EntityType.PERSON) {
      throw new IllegalArgumentException("office of unknown person '" + person + "'");
    }
    Office o = new Office(person, r.required("role"), r.required("country"), r.get("title_fr"),
        r.date("start"), r.date("end"), r.source());
    offices.add(o);
    listAt(officesOf, person).add(o);
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
      List<KbEntity> l = listAt(byName, k);
      if (containsSame(l, e)) {
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
      String k = fold(name);
      if (k.isEmpty()) {
        continue;
      }
      List<KbEntity> l = listAt(byName, k);
      if (!containsSame(l, e)) {
        l.add(e);
      }
      maxNameTokens = Math.max(maxNameTokens, k.split(" ").length);
    }
  }

  /** The list a map holds at a key, made when absent (computeIfAbsent without a lambda). */
  private static <V> List<V> listAt(Map<String, List<V>> map, String key) {
    List<V> l = map.get(key);
    if (l == null) {
      l = new ArrayList<>(1);
      map.put(key, l);
    }
    return l;
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

  /** The key of a name of a table being loaded: folded at build time, or now. */
  private String fold(String name) {
    String k = knownKeys.get(name);
    if (k == null) {
      k = key(name);
    }
    if (folds != null) {
      folds.putIfAbsent(name, k);
    }
    return k;
  }

  /** The folded token key of a name, as the matcher builds it from text. */
  public String key(String name) {
    return GazetteerKeys.fold(name);
  }
}
