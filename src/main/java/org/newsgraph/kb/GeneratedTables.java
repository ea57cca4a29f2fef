package org.newsgraph.kb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the generated region table of the gazetteer ({@code regions.tsv}, written by
 * {@code kb-sources/generate-places.mjs}): its name keys are folded already, so no text analysis
 * happens at load time. The whole file comes from one source, named in its header comment; every
 * entity of it gets that source. (Places, far more numerous, are held by {@link PlaceTable}.)
 */
final class GeneratedTables {

  static final String REGIONS = "regions.tsv";
  static final String REGIONS_SOURCE =
      "regions.tsv: ISO 3166-2 first-level subdivisions, Debian iso-codes 4.15.0-1 (LGPL-2.1+)";

  private GeneratedTables() {}

  /**
   * The rows of the region table, read (on any thread) before they are {@linkplain #add added}
   * to a gazetteer: the entities with their keys and lines, and the failure that stopped the
   * reading, if any, to be thrown when the rows before it have been added (so that the first
   * faulty row of the table is the one reported, as when reading and adding went together).
   */
  static final class Regions {
    private final List<KbEntity> entities = new ArrayList<>();
    private final List<String[]> keys = new ArrayList<>();
    private final List<Integer> lines = new ArrayList<>();
    private RuntimeException failure;
  }

  /** Reads regions.tsv; an absent table gives no rows. */
  static Regions read(Gazetteer.TableSource source) {
    Regions out = new Regions();
    String name = REGIONS;
    try (InputStream in = source.open(name)) {
      if (in == null) {
        return out; // optional tables
      }
      TsvLines r = new TsvLines(in);
      int[] col = null;
      int width = 0;
      String line;
      while ((line = r.next()) != null) {
        int n = r.number();
        if (line.isEmpty() || line.charAt(0) == '#') {
          continue;
        }
        String[] cells = TsvLines.cells(line);
        if (col == null) {
          col = columns(cells, name);
          width = cells.length;
          continue;
        }
        if (cells.length != width) {
          throw new IllegalArgumentException(name + ":" + n + ": " + cells.length
              + " columns where the header has " + width);
        }
        try {
          region(out, cells, col);
          out.lines.add(n);
        } catch (IllegalArgumentException e) {
          throw located(e, n);
        }
      }
    } catch (IOException e) {
      out.failure = new UncheckedIOException("cannot read gazetteer table " + name, e);
    } catch (RuntimeException e) {
      out.failure = e;
    }
    return out;
  }

  /** Adds the regions read to the gazetteer, then throws the failure that stopped the reading. */
  static void add(Gazetteer g, Regions regions) {
    for (int i = 0; i < regions.entities.size(); i++) {
      KbEntity e = regions.entities.get(i);
      if (!g.putGenerated(e, regions.keys.get(i))) {
        throw located(new IllegalArgumentException("duplicate id '" + e.id() + "'"),
            regions.lines.get(i));
      }
    }
    if (regions.failure != null) {
      throw regions.failure;
    }
  }

  /** The error with the table and line in front of its message. */
  private static IllegalArgumentException located(IllegalArgumentException e, int line) {
    String msg = e.getMessage();
    return new IllegalArgumentException(
        msg != null && msg.startsWith(REGIONS) ? msg : REGIONS + ":" + line + ": " + msg, e);
  }

  /** The columns the readers use, in this order. */
  private static final List<String> COLUMNS = List.of("geonames", "iso", "country", "lat", "lon",
      "population", "name_fr", "name", "keys");
  private static final int GEONAMES = 0;
  private static final int ISO = 1;
  private static final int COUNTRY = 2;
  private static final int LAT = 3;
  private static final int LON = 4;
  private static final int POPULATION = 5;
  private static final int NAME_FR = 6;
  private static final int NAME = 7;
  private static final int KEYS = 8;

  /** Where each of {@link #COLUMNS} is in the header, -1 when absent. */
  private static int[] columns(String[] header, String table) {
    int[] col = new int[COLUMNS.size()];
    for (int i = 0; i < col.length; i++) {
      col[i] = List.of(header).indexOf(COLUMNS.get(i));
    }
    return col;
  }

  private static String cell(String[] c, int[] col, int which) {
    int i = col[which];
    if (i < 0) {
      throw new IllegalArgumentException("no column '" + COLUMNS.get(which) + "'");
    }
    String v = c[i];
    return v.isEmpty() ? null : v;
  }

  private static String[] keys(String v) {
    if (v == null) {
      return new String[0];
    }
    int n = 1;
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) == '|') {
        n++;
      }
    }
    String[] out = new String[n];
    int from = 0;
    int k = 0;
    for (int i = 0; i <= v.length(); i++) {
      if (i == v.length() || v.charAt(i) == '|') {
        out[k++] = v.substring(from, i);
        from = i + 1;
      }
    }
    return out;
  }

  private static void region(Regions out, String[] c, int[] col) {
    String code = cell(c, col, ISO);
    String name = cell(c, col, NAME);
    if (code == null || name == null || !isRegionCode(code)) {
      throw new IllegalArgumentException("bad ISO 3166-2 code or empty name: " + code);
    }
    String fr = cell(c, col, NAME_FR);
    KbEntity e = new KbEntity(code, EntityType.REGION, null, null, fr == null ? name : fr, name,
        fr == null ? List.of(name) : List.of(fr, name), country(cell(c, col, COUNTRY)), null,
        null, null, null, null, null, REGIONS_SOURCE);
    out.keys.add(keys(cell(c, col, KEYS)));
    out.entities.add(e);
  }

  /** "[A-Z]{2}-[A-Z0-9]{1,3}", without compiling a regular expression for every row. */
  static boolean isRegionCode(String code) {
    int n = code.length();
    if (n < 4 || n > 6 || code.charAt(2) != '-') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = code.charAt(i);
      boolean ok = i < 2 ? c >= 'A' && c <= 'Z'
          : i == 2 || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Country codes shared, not one string per row. */
  private static String country(String iso2) {
    return iso2 == null ? null : iso2.intern();
  }

  private static Double number(String v) {
    if (v == null) {
      return null;
    }
    try {
      return Double.valueOf(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad number: " + v);
    }
  }
}
