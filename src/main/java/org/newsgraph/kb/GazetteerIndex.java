package org.newsgraph.kb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes, next to the gazetteer's tables, what lets them load without analysing text; the build
 * runs it on the tables it copies to {@code target/classes} (Maven phase {@code process-classes}),
 * so the jar carries both files and they are never committed:
 *
 * <ul>
 *   <li>{@value #NAME_KEYS}: the folded key ({@link Gazetteer#key}) of every name that loading
 *       {@code countries.tsv} and {@code entities.tsv} folds, one "name TAB key" line each. The
 *       gazetteer looks a name up there before folding it; a name that is not there is folded
 *       as before.
 *   <li>{@value PlaceTable#INDEX}: the index of {@code places.tsv} (see {@link PlaceTable}), with
 *       the length and CRC-32 of the table it was made from and a CRC-32 of its own; an index
 *       that does not fit the table, or is damaged, is not used.
 * </ul>
 *
 * <p>The output depends only on the tables and the code: the same inputs give the same bytes.
 *
 * <pre>
 * java -cp target/classes org.newsgraph.kb.GazetteerIndex target/classes/org/newsgraph/kb
 * </pre>
 */
public final class GazetteerIndex {

  /** The folded keys of the curated tables' names. */
  static final String NAME_KEYS = "name-keys.tsv";

  private static final String HEADER = "name\tkey";

  private GazetteerIndex() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: GazetteerIndex DIR (the folder of countries.tsv, places.tsv...)");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    Map<String, String> keys = Gazetteer.foldedNames(name -> name.endsWith(".tsv")
        && !name.equals(NAME_KEYS) && !name.equals(PlaceTable.FILE) ? open(dir, name) : null);
    write(dir.resolve(NAME_KEYS), nameKeys(keys));
    Path places = dir.resolve(PlaceTable.FILE);
    Path index = dir.resolve(PlaceTable.INDEX);
    if (Files.exists(places)) {
      PlaceTable t = PlaceTable.of(Files.readAllBytes(places));
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      t.writeIndex(b);
      write(index, b.toByteArray());
    } else {
      Files.deleteIfExists(index);
    }
  }

  private static InputStream open(Path dir, String name) throws IOException {
    Path p = dir.resolve(name);
    return Files.exists(p) ? Files.newInputStream(p) : null;
  }

  /** Writes through a temporary file, so that a reader never sees half a file. */
  private static void write(Path p, byte[] bytes) throws IOException {
    Path tmp = p.resolveSibling(p.getFileName() + ".tmp");
    Files.write(tmp, bytes);
    Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The text of {@value #NAME_KEYS}. Names and keys hold no tab nor line break (table cells). */
  static byte[] nameKeys(Map<String, String> keys) {
    StringBuilder b = new StringBuilder("# Folded keys of the names of countries.tsv and"
        + " entities.tsv, written at build time by org.newsgraph.kb.GazetteerIndex.\n");
    b.append(HEADER).append('\n');
    for (Map.Entry<String, String> e : keys.entrySet()) {
      b.append(e.getKey()).append('\t').append(e.getValue()).append('\n');
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The keys of {@value #NAME_KEYS} by name; empty when the source has no such file or cannot
   * give it, or when it is malformed: the names are then folded as they are read.
   */
  static Map<String, String> nameKeys(Gazetteer.TableSource source) {
    try (InputStream in = source.open(NAME_KEYS)) {
      if (in == null) {
        return Map.of();
      }
      TsvLines r = new TsvLines(in);
      Map<String, String> keys = null;
      String line;
      while ((line = r.next()) != null) {
        if (keys == null) {
          if (line.equals(HEADER)) {
            keys = new HashMap<>(8192);
          } else if (!line.startsWith("#")) {
            return Map.of();
          }
          continue;
        }
        int tab = line.indexOf('\t');
        if (tab <= 0 || line.indexOf('\t', tab + 1) >= 0) {
          return Map.of();
        }
        keys.put(line.substring(0, tab), line.substring(tab + 1));
      }
      return keys == null ? Map.of() : keys;
    } catch (IOException | RuntimeException e) {
      return Map.of(); // a source without the file, or one that fails on names it does not know
    }
  }
}
