package org.newsgraph.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Coverage of the office-holder tables: for every country of Africa, Europe, the Middle East and
 * the G20, a head of state (and a head of government where that office is distinct) is known on
 * every 1 January and 1 July from 2018 to mid-2026, and the foreign ministers of the major powers
 * too. Every gap is collected and printed, so a failure is a worklist, not only the first miss.
 */
class OfficeCoverageTest {

  private final Gazetteer kb = Gazetteer.bundled();

  /** The 54 UN member states of Africa. */
  static final List<String> AFRICA = List.of(
      "DZ", "AO", "BJ", "BW", "BF", "BI", "CV", "CM", "CF", "TD", "KM", "CG", "CD", "CI", "DJ",
      "EG", "GQ", "ER", "SZ", "ET", "GA", "GM", "GH", "GN", "GW", "KE", "LS", "LR", "LY", "MG",
      "MW", "ML", "MR", "MU", "MA", "MZ", "NA", "NE", "NG", "RW", "ST", "SN", "SC", "SL", "SO",
      "ZA", "SS", "SD", "TZ", "TG", "TN", "UG", "ZM", "ZW");

  /** European states, microstates included, with Russia, Turkey, the Caucasus and Kosovo. */
  static final List<String> EUROPE = List.of(
      "AL", "AD", "AT", "BY", "BE", "BA", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE",
      "GR", "HU", "IS", "IE", "IT", "LV", "LI", "LT", "LU", "MT", "MD", "MC", "ME", "NL", "MK",
      "NO", "PL", "PT", "RO", "RU", "SM", "RS", "SK", "SI", "ES", "SE", "CH", "UA", "GB", "VA",
      "TR", "AM", "AZ", "GE", "XK");

  static final List<String> MIDDLE_EAST = List.of(
      "IL", "PS", "LB", "SY", "JO", "IQ", "IR", "SA", "YE", "OM", "AE", "QA", "BH", "KW", "EG");

  /**
   * The G20 member states. The European Union is a member too, but it is not a country of
   * countries.tsv and its presidents (Commission, European Council) have no office rows: not
   * checked here.
   */
  static final List<String> G20 = List.of(
      "US", "CA", "MX", "BR", "AR", "CN", "JP", "KR", "IN", "ID", "AU", "ZA", "SA", "TR", "RU",
      "GB", "FR", "DE", "IT");

  /** Major powers whose foreign ministers are tracked. */
  static final List<String> FOREIGN_MINISTERS = List.of(
      "US", "RU", "CN", "FR", "GB", "DE", "JP", "IN", "TR", "IR", "SA");

  static final LocalDate FIRST = LocalDate.of(2018, 1, 1);
  static final LocalDate LAST = LocalDate.of(2026, 7, 1);

  /** A period (both ends included; null = open) in which an office need not have a holder. */
  record Exempt(String country, String role, LocalDate from, LocalDate to, String reason) {
    boolean covers(String c, String r, LocalDate day) {
      return country.equals(c) && role.equals(r) && (from == null || !day.isBefore(from))
          && (to == null || !day.isAfter(to));
    }
  }

  private static Exempt noPm(String country, String reason) {
    return new Exempt(country, HOG, null, null, reason);
  }

  private static Exempt vacant(String country, String role, String from, String to, String reason) {
    return new Exempt(country, role, from == null ? null : LocalDate.parse(from),
        to == null ? null : LocalDate.parse(to), reason);
  }

  static final String HOS = "head_of_state";
  static final String HOG = "head_of_government";
  static final String FM = "foreign_minister";

  static final List<Exempt> EXEMPT = List.of(
      // --- no head of government distinct from the head of state (presidential systems)
      noPm("AO", "presidential system; the PM post was abolished in 2010"),
      noPm("BJ", "presidential system, no prime minister"),
      noPm("BW", "the president heads the government"),
      noPm("KM", "the president heads the government"),
      noPm("ER", "the president heads the government"),
      noPm("GM", "the president heads the government"),
      noPm("GH", "the president heads the government"),
      noPm("KE", "presidential system since 2013; the Prime Cabinet Secretary (2022-) is not a head of government"),
      noPm("LR", "the president heads the government"),
      noPm("MW", "the president heads the government"),
      noPm("SC", "the president heads the government"),
      noPm("SL", "the president heads the government; the Chief Minister (2023-) is not a head of government"),
      noPm("SS", "the president heads the government"),
      noPm("ZA", "the president heads the government"),
      noPm("ZM", "the president heads the government"),
      noPm("ZW", "the PM post was abolished in 2013; the president heads the government"),
      noPm("CY", "presidential system: the president heads the government"),
      noPm("MX", "presidential system"),
      noPm("BR", "presidential system"),
      noPm("AR", "presidential system; the Chief of Cabinet is not a head of government"),
      noPm("ID", "presidential system"),
      noPm("KR", "presidential system; the prime minister is not the head of government"),
      noPm("CH", "the Federal Council governs collectively; its yearly president is recorded as head of state"),
      noPm("VA", "the Pope is sovereign; the Secretary of State is not recorded as a head of government"),
      noPm("SM", "no head of government: the Secretary of State for Foreign Affairs chairs the Congress of State"),
      // --- offices that were abolished or vacant for part of the period
      vacant("TD", HOG, "2018-05-04", "2021-04-25", "PM post abolished by the 2018 constitution, restored by the transition"),
      vacant("SN", HOG, "2019-05-14", "2022-09-16", "PM post abolished 2019, restored 2021 and filled 2022-09-17"),
      vacant("SD", HOG, "2019-04-12", "2019-08-20", "military council rule: no prime minister until Hamdok"),
      vacant("BI", HOG, null, "2020-06-22", "PM post abolished in 1998, restored by the 2018 constitution in 2020"),
      vacant("GA", HOG, "2025-05-05", null, "the 2024 constitution abolished the PM post: the president heads the government"),
      vacant("SY", HOG, "2025-03-30", null, "the 2025 constitutional declaration has no prime minister: the president heads the government"),
      vacant("LB", HOS, "2022-11-01", "2025-01-08", "presidency vacant between Michel Aoun and Joseph Aoun"),
      // --- states with a collective or dual head of state
      vacant("AD", HOS, null, null, "two co-princes (the French president and the bishop of Urgell), not modelled"),
      vacant("SM", HOS, null, null, "two Captains Regent every six months, not modelled"),
      // --- successors not recorded: changes after the curation could not be checked
      vacant("BJ", HOS, "2026-05-24", null, "Talon's second term ended May 2026; the successor's inauguration was not checked"));

  private static List<LocalDate> sampleDates() {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusMonths(6)) {
      days.add(d);
    }
    return days;
  }

  private static List<String> lines(String table) throws IOException {
    try (InputStream in = Gazetteer.class.getResourceAsStream("/org/newsgraph/kb/" + table)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }
  }

  /** Every office row, read through the gazetteer (persons of offices.tsv, then their terms). */
  private List<Office> allOffices() throws IOException {
    Set<String> persons = new LinkedHashSet<>();
    List<String> rows = lines("offices.tsv");
    for (String l : rows.subList(1, rows.size())) {
      persons.add(l.split("\t", -1)[0]);
    }
    List<Office> all = new ArrayList<>();
    for (String p : persons) {
      all.addAll(kb.officesOf(p));
    }
    return all;
  }

  private static boolean exempt(String country, String role, LocalDate day) {
    return EXEMPT.stream().anyMatch(e -> e.covers(country, role, day));
  }

  @Test
  void listsAreComplete() {
    assertEquals(54, AFRICA.size());
    assertEquals(AFRICA.size(), new LinkedHashSet<>(AFRICA).size());
    assertEquals(EUROPE.size(), new LinkedHashSet<>(EUROPE).size());
    for (String c : countries()) {
      assertTrue(kb.get(c).filter(e -> e.type() == EntityType.COUNTRY).isPresent(), "no country " + c);
    }
  }

  private static Set<String> countries() {
    Set<String> all = new LinkedHashSet<>();
    all.addAll(AFRICA);
    all.addAll(EUROPE);
    all.addAll(MIDDLE_EAST);
    all.addAll(G20);
    return all;
  }

  @Test
  void headsOfStateAndGovernmentAndForeignMinistersAreKnownOnEverySampleDate() throws IOException {
    Map<String, List<Office>> byRoleCountry = new HashMap<>();
    for (Office o : allOffices()) {
      byRoleCountry.computeIfAbsent(o.role() + " " + o.country(), k -> new ArrayList<>()).add(o);
    }
    List<String> gaps = new ArrayList<>();
    for (String c : countries()) {
      for (String role : List.of(HOS, HOG)) {
        check(byRoleCountry, c, role, gaps);
      }
    }
    for (String c : FOREIGN_MINISTERS) {
      check(byRoleCountry, c, FM, gaps);
    }
    gaps.forEach(g -> System.out.println("office gap: " + g));
    System.out.printf("office coverage: %d countries checked, %d gaps%n", countries().size(), gaps.size());
    assertTrue(gaps.isEmpty(), gaps.size() + " gaps:\n" + String.join("\n", gaps));
  }

  private void check(Map<String, List<Office>> byRoleCountry, String c, String role, List<String> gaps) {
    List<Office> terms = byRoleCountry.getOrDefault(role + " " + c, List.of());
    for (LocalDate day : sampleDates()) {
      if (exempt(c, role, day)) {
        continue;
      }
      if (terms.stream().noneMatch(o -> o.covers(day))) {
        String name = kb.get(c).map(KbEntity::nameFr).orElse(c);
        gaps.add(c + " (" + name + ") " + role + " " + day);
      }
    }
  }

  /**
   * Every exemption is needed: on one sample date at least it covers, no one holds the office.
   * An exemption made obsolete by new rows must be removed, so the list stays a true worklist.
   */
  @Test
  void everyExemptionIsStillNeeded() throws IOException {
    List<Office> all = allOffices();
    List<String> stale = new ArrayList<>();
    for (Exempt e : EXEMPT) {
      if (!countries().contains(e.country())) {
        stale.add("not a checked country: " + e);
        continue;
      }
      boolean needed = sampleDates().stream()
          .filter(d -> e.covers(e.country(), e.role(), d))
          .anyMatch(d -> all.stream().noneMatch(o -> o.country().equals(e.country())
              && o.role().equals(e.role()) && o.covers(d)));
      if (!needed) {
        stale.add("exemption no longer needed: " + e);
      }
    }
    assertTrue(stale.isEmpty(), String.join("\n", stale));
  }

  @Test
  void noPersonHoldsOverlappingTermsOfTheSameOffice() throws IOException {
    Map<String, List<Office>> byKey = new HashMap<>();
    for (Office o : allOffices()) {
      byKey.computeIfAbsent(o.personId() + " " + o.role() + " " + o.country(), k -> new ArrayList<>())
          .add(o);
    }
    List<String> bad = new ArrayList<>();
    for (Map.Entry<String, List<Office>> e : byKey.entrySet()) {
      List<Office> l = new ArrayList<>(e.getValue());
      l.sort(Comparator.comparing(o -> o.start() == null ? LocalDate.MIN : o.start()));
      for (int i = 1; i < l.size(); i++) {
        Office prev = l.get(i - 1);
        if (prev.end() == null || l.get(i).start() == null || !l.get(i).start().isAfter(prev.end())) {
          bad.add(e.getKey() + ": " + prev.start() + ".." + prev.end() + " and " + l.get(i).start()
              + ".." + l.get(i).end());
        }
      }
    }
    bad.forEach(b -> System.out.println("overlapping terms: " + b));
    assertTrue(bad.isEmpty(), String.join("\n", bad));
  }

  /**
   * Two persons holding one office at once make {@link Gazetteer#holder} answer nothing. Terms may
   * share their handover day; longer overlaps must be listed here with the reason.
   */
  static final Set<String> SHARED_TERMS = Set.of(
      // acting prime minister during Choguel Maïga's illness, Choguel staying in office
      "head_of_government ML abdoulaye_maiga choguel_maiga");

  @Test
  void twoPersonsDoNotHoldOneOfficeAtOnce() throws IOException {
    Map<String, List<Office>> byKey = new HashMap<>();
    for (Office o : allOffices()) {
      if (!o.role().equals("spokesperson")) { // several spokespersons speak for one country
        byKey.computeIfAbsent(o.role() + " " + o.country(), k -> new ArrayList<>()).add(o);
      }
    }
    List<String> bad = new ArrayList<>();
    for (Map.Entry<String, List<Office>> e : byKey.entrySet()) {
      List<Office> l = e.getValue();
      for (int i = 0; i < l.size(); i++) {
        for (int j = i + 1; j < l.size(); j++) {
          Office a = l.get(i);
          Office b = l.get(j);
          if (a.personId().equals(b.personId())) {
            continue;
          }
          LocalDate from = max(a.start(), b.start());
          LocalDate to = min(a.end(), b.end());
          boolean overlap = to == null || from == null || to.isAfter(from);
          String pair = e.getKey() + " " + (a.personId().compareTo(b.personId()) < 0
              ? a.personId() + " " + b.personId() : b.personId() + " " + a.personId());
          if (overlap && !SHARED_TERMS.contains(pair)) {
            bad.add(pair + ": " + a.start() + ".." + a.end() + " / " + b.start() + ".." + b.end());
          }
        }
      }
    }
    bad.forEach(b -> System.out.println("shared office: " + b));
    assertTrue(bad.isEmpty(), String.join("\n", bad));
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }

  @Test
  void everyOfficeHolderIsAPersonOfTheEntitiesTable() throws IOException {
    List<String> entities = lines("entities.tsv");
    List<String> header = List.of(entities.get(0).split("\t", -1));
    int id = header.indexOf("id");
    int type = header.indexOf("type");
    Set<String> persons = new LinkedHashSet<>();
    for (String l : entities.subList(1, entities.size())) {
      String[] c = l.split("\t", -1);
      if (c[type].equals("Person")) {
        persons.add(c[id]);
      }
    }
    List<String> offices = lines("offices.tsv");
    List<String> missing = new ArrayList<>();
    for (String l : offices.subList(1, offices.size())) {
      String p = l.split("\t", -1)[0];
      if (!persons.contains(p)) {
        missing.add(p);
      }
    }
    assertTrue(missing.isEmpty(), "office holders missing from entities.tsv: " + missing);
  }
}
