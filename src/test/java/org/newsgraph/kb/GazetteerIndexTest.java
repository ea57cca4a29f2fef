package org.newsgraph.kb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the build derives from the gazetteer's tables (GazetteerIndex) and how it is read. */
class GazetteerIndexTest {

  private static final Gazetteer.TableSource BUNDLED =
      name -> Gazetteer.class.getResourceAsStream("/org/newsgraph/kb/" + name);

  /** The bundled tables without what the build derived from them. */
  private static final Gazetteer.TableSource TABLES_ONLY = name ->
      name.equals(PlaceTable.INDEX) || name.equals(GazetteerIndex.NAME_KEYS) ? null : BUNDLED.open(name);

  private static byte[] bytes(String name) throws IOException {
    try (InputStream in = BUNDLED.open(name)) {
      return in.readAllBytes();
    }
  }

  private static byte[] indexOf(byte[] table) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    PlaceTable.of(table).writeIndex(b);
    return b.toByteArray();
  }

  private static Gazetteer.TableSource placesFrom(byte[] table, byte[] index) {
    return name -> switch (name) {
      case PlaceTable.FILE -> new ByteArrayInputStream(table);
      case PlaceTable.INDEX -> index == null ? null : new ByteArrayInputStream(index);
      default -> null;
    };
  }

  private static List<String> ids(List<KbEntity> l) {
    List<String> out = new ArrayList<>();
    l.forEach(e -> out.add(e.id()));
    return out;
  }

  @Test
  void theBundledPlaceIndexIsTheIndexOfTheBundledTable() throws IOException {
    PlaceTable read = PlaceTable.read(BUNDLED);
    assertTrue(read.fromIndex(), PlaceTable.INDEX + " missing or stale: build with ./mvnw process-classes");
    assertTrue(read.sameIndex(PlaceTable.of(bytes(PlaceTable.FILE))));
    assertArrayEquals(bytes(PlaceTable.INDEX), indexOf(bytes(PlaceTable.FILE)));
  }

  @Test
  void theBundledNameKeysAreTheKeysOfTheCuratedNames() {
    Map<String, String> bundled = GazetteerIndex.nameKeys(BUNDLED);
    Map<String, String> folded = Gazetteer.foldedNames(TABLES_ONLY);
    assertTrue(folded.size() > 3000, "names: " + folded.size());
    assertEquals(folded, bundled, GazetteerIndex.NAME_KEYS + " stale: build with ./mvnw process-classes");
    Gazetteer kb = Gazetteer.bundled();
    folded.forEach((name, key) -> assertEquals(kb.key(name), key, name));
    assertEquals("cote d' ivoire", folded.get("Côte d'Ivoire"));
  }

  @Test
  void theGazetteerIsTheSameWithAndWithoutWhatTheBuildDerived() {
    Gazetteer fast = Gazetteer.bundled();
    Gazetteer slow = Gazetteer.load(TABLES_ONLY);
    assertEquals(slow.size(), fast.size());
    assertEquals(slow.keyCount(), fast.keyCount());
    assertEquals(slow.maxNameTokens(), fast.maxNameTokens());
    List<KbEntity> a = new ArrayList<>(slow.all());
    List<KbEntity> b = new ArrayList<>(fast.all());
    assertEquals(a, b);
    for (KbEntity e : a) {
      for (String name : e.aliases()) {
        String k = slow.key(name);
        assertEquals(ids(slow.byName(k)), ids(fast.byName(k)), k);
        assertEquals(slow.beginsName(k), fast.beginsName(k), k);
      }
    }
  }

  // ---- the place index on a table of our own

  private static final String TABLE = "# places\n"
      + "geonames\tcountry\tadmin1\tfeature\tlat\tlon\tpopulation\tname_fr\tname\tkeys\r\n"
      + "10\tML\tML.08\tPPL\t16.27\t-0.04\t87000\t\tGao\tgao\r\n"
      + "20\tBF\tBF.56\tPPL\t13.1\t-1.1\t3000\t\tGao\tgao|gao ville\r\n"
      + "\n"
      + "30\tUA\tUA.46\tPPLA\t49.84\t24.02\t717273\tLviv\tL'viv\tl' viv|lviv|львів\n"
      + "40\tXX\t\tPPL\t1\t2\t\t\tNowhere\t\n";

  private static byte[] table(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void assertLooksUp(PlaceTable t) {
    assertEquals(4, t.size());
    assertEquals(5, t.keyCount());
    assertEquals(2, t.maxKeyTokens());
    assertEquals(List.of("gn:10", "gn:20"), ids(t.byKey("gao")));
    assertEquals(List.of("gn:20"), ids(t.byKey("gao ville")));
    assertEquals(List.of("gn:30"), ids(t.byKey("львів")));
    assertEquals(List.of("gn:30"), ids(t.byKey("l' viv")));
    assertTrue(t.hasKey("lviv") && !t.hasKey("gao v") && !t.hasKey("") && !t.hasKey("lvi"));
    assertEquals(List.of(), t.byKey("львов"));
    assertEquals(List.of("gao", "gao ville", "l' viv", "lviv", "львів"), t.keys());
    KbEntity lviv = t.byId("gn:30");
    assertEquals("Lviv", lviv.nameFr());
    assertEquals("UA.46", t.admin1(t.rowOf(lviv)));
    assertNull(t.admin1(t.rowOf(t.byId("gn:40"))));
    assertNull(t.byId("gn:25"));
    assertEquals(717_273L, lviv.population());
  }

  @Test
  void aPlaceIndexWrittenAndReadBackLooksUpAsTheTable() throws IOException {
    byte[] t = table(TABLE);
    PlaceTable computed = PlaceTable.of(t);
    assertLooksUp(computed);
    PlaceTable read = PlaceTable.read(placesFrom(t, indexOf(t)));
    assertTrue(read.fromIndex());
    assertTrue(read.sameIndex(computed));
    assertLooksUp(read);
    // without an index, the same arrays are computed
    PlaceTable without = PlaceTable.read(placesFrom(t, null));
    assertFalse(without.fromIndex());
    assertTrue(without.sameIndex(computed));
  }

  @Test
  void anIndexThatDoesNotFitItsTableIsNotUsed() throws IOException {
    byte[] t = table(TABLE);
    byte[] index = indexOf(t);
    // another table of the same length: the CRC differs
    byte[] other = table(TABLE.replace("Gao\tgao\r", "Oag\toag\r"));
    assertEquals(t.length, other.length);
    PlaceTable read = PlaceTable.read(placesFrom(other, index));
    assertFalse(read.fromIndex());
    assertEquals(List.of("gn:10"), ids(read.byKey("oag")));
    assertEquals(List.of("gn:20"), ids(read.byKey("gao")));
    // cut short, with bytes after its end, or with one byte changed
    byte[] changed = index.clone();
    changed[index.length - 8 - 4 * 16 - 4 * 6 - 1] ^= 1;
    for (byte[] broken : List.of(Arrays.copyOf(index, index.length - 4),
        Arrays.copyOf(index, index.length + 4), Arrays.copyOf(index, 10), changed)) {
      PlaceTable r = PlaceTable.read(placesFrom(t, broken));
      assertFalse(r.fromIndex());
      assertLooksUp(r);
    }
  }

  @Test
  void theLastCellIsFoundOnBytesOfAnyUtf8Text() {
    // multi-byte characters before the keys, and a line with a lone carriage return
    byte[] t = table("geonames\tcountry\tadmin1\tfeature\tlat\tlon\tpopulation\tname_fr\tname\tkeys\r"
        + "7\tRU\tRU.48\tPPLC\t55.75\t37.61\t10381222\tMoscou\tМосква\tmoscou|москва\n");
    PlaceTable p = PlaceTable.of(t);
    assertEquals(List.of("gn:7"), ids(p.byKey("москва")));
    assertEquals("Москва", p.byId("gn:7").nameEn());
  }

  @Test
  void aPlaceTableOutOfOrderFailsWithItsLine() {
    byte[] t = table("geonames\tcountry\tadmin1\tfeature\tlat\tlon\tpopulation\tname_fr\tname\tkeys\n"
        + "20\tML\t\tPPL\t1\t1\t\t\tA\ta\n10\tML\t\tPPL\t1\t1\t\t\tB\tb\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlaceTable.of(t));
    assertTrue(e.getMessage().startsWith("places.tsv:3:"), e.getMessage());
  }

  // ---- the readers of the small tables

  @Test
  void linesEndAsReadLineEndsThem() throws IOException {
    for (String text : List.of("a\tb\r\nc\rd\n\né\r\n\r", "", "\n", "x", "x\r\n", "\r\r\n€\n")) {
      TsvLines r = new TsvLines(new ByteArrayInputStream(table(text)));
      List<String> lines = new ArrayList<>();
      for (String l = r.next(); l != null; l = r.next()) {
        lines.add(l);
        assertEquals(lines.size(), r.number());
      }
      assertEquals(new BufferedReader(new StringReader(text)).lines().toList(), lines, text);
    }
  }

  @Test
  void cellsAreSplitAsSplitWithANegativeLimit() {
    for (String line : List.of("", "a", "\t", "a\t\tb\t", "\ta", "é\tж")) {
      assertArrayEquals(line.split("\t", -1), TsvLines.cells(line), line);
    }
  }

  @Test
  void datesAreReadAsLocalDateParseReadsThem() {
    for (String d : List.of("2023-07-26", "1999-12-31", "2024-02-29", "0001-01-01")) {
      assertEquals(LocalDate.parse(d), Gazetteer.isoDate(d));
    }
    for (String d : List.of("2023-02-30", "2023-13-01", "2023-7-26", "2023/07/26", "26-07-2023",
        "２０２３-07-26")) {
      assertThrows(DateTimeException.class, () -> Gazetteer.isoDate(d), d);
      assertThrows(DateTimeException.class, () -> LocalDate.parse(d), d);
    }
  }

  @Test
  void regionCodesAreCheckedAsTheirPatternChecksThem() {
    for (String c : List.of("ML-1", "US-GA", "FR-ARA", "GB-ABC", "ml-1", "ML-", "ML-ABCD", "M-12",
        "MLL-1", "ML_12", "ML-É", "ML-a", "1L-AB", "")) {
      assertEquals(c.matches("[A-Z]{2}-[A-Z0-9]{1,3}"), GeneratedTables.isRegionCode(c), c);
    }
  }

  @Test
  void malformedNameKeysAreIgnored() {
    Map<String, String> tables = new HashMap<>();
    tables.put(GazetteerIndex.NAME_KEYS, "# c\nname\tkey\nMali\tmali\nbroken line\n");
    Gazetteer.TableSource s = name -> tables.containsKey(name)
        ? new ByteArrayInputStream(table(tables.get(name))) : null;
    assertEquals(Map.of(), GazetteerIndex.nameKeys(s));
    tables.put(GazetteerIndex.NAME_KEYS, "# c\nname\tkey\nMali\tmali\nLe Caire\tle caire\n");
    assertEquals(Map.of("Mali", "mali", "Le Caire", "le caire"), GazetteerIndex.nameKeys(s));
    assertEquals(Map.of(), GazetteerIndex.nameKeys(name -> {
      throw new IllegalStateException("no such table");
    }));
  }
}
