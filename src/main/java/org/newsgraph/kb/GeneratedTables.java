package org.newsgraph.kb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

  static void read(Gazetteer g, Gazetteer.TableSource source) {
    read(g, source, REGIONS, GeneratedTables::region);
  }

  private interface RowReader {
    void row(Gazetteer g, String[] c, int[] col);
  }

  private static void read(Gazetteer g, Gazetteer.TableSource source, String name, RowReader rr) {
    try (InputStream in = source.open(name)) {
      if (in == null) {
        return; // optional tables
      }
      BufferedReader r = new BufferedReader(
          new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
      int[] col = null;
      int width = 0;
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isEmpty() || line.charAt(0) == '#') {
          continue;
        }
        String[] cells = split(line);
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
          rr.row(g, cells, col);
        } catch (IllegalArgumentException e) {
          String msg = e.getMessage();
          throw new IllegalArgumentException(
              msg != null && msg.startsWith(name) ? msg : name + ":" + n + ": " + msg, e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read gazetteer table " + name, e);
    }
  }

  /** Splits on tabs, keeping empty cells. */
  static String[] split(String line) {
    List<String> out = new ArrayList<>(12);
    int from = 0;
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '\t') {
        out.add(line.substring(from, i));
        from = i + 1;
      }
    }
    out.add(line.substring(from));
    return out.toArray(new String[0]);
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

  private static void region(Gazetteer g, String[] c, int[] col) {
    String code = cell(c, col, ISO);
    String name = cell(c, col, NAME);
    if (code == null || name == null || !code.matches("[A-Z]{2}-[A-Z0-9]{1,3}")) {
      throw new IllegalArgumentException("bad ISO 3166-2 code or empty name: " + code);
    }
    String fr = cell(c, col, NAME_FR);
    KbEntity e = new KbEntity(code, EntityType.REGION, null, null, fr == null ? name : fr, name,
        fr == null ? List.of(name) : List.of(fr, name), country(cell(c, col, COUNTRY)), null,
        null, null, null, null, null, REGIONS_SOURCE);
    if (!g.putGenerated(e, keys(cell(c, col, KEYS)))) {
      throw new IllegalArgumentException("duplicate id '" + code + "'");
    }
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
