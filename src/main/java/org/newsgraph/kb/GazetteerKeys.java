package org.newsgraph.kb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.newsgraph.text.FrenchAnalyzer;
import org.newsgraph.text.Token;

/**
 * The last step of regenerating the generated gazetteer tables: replaces every name of their
 * {@code keys} column by its folded token key, as {@link Gazetteer#key} and the recogniser build
 * them from text, so that loading needs no text analysis. Folding is not idempotent ("L'vov"
 * folds to "l' vov", which would fold again to "l ' vov"), so the tool marks a file it has folded
 * with the comment line {@value #MARK} and leaves marked files alone. Run from {@code kb-sources/}
 * right after {@code generate-places.mjs}:
 *
 * <pre>
 * java -cp ../target/classes org.newsgraph.kb.GazetteerKeys FILE.tsv...
 * </pre>
 */
public final class GazetteerKeys {

  private GazetteerKeys() {}

  /** The comment line that marks a table whose keys are folded. */
  public static final String MARK = "# keys folded by org.newsgraph.kb.GazetteerKeys";

  private static final FrenchAnalyzer ANALYZER = new FrenchAnalyzer();

  /** The folded token key of a name (as {@link Gazetteer#key}): token keys joined by spaces. */
  public static String fold(String name) {
    List<Token> tokens = ANALYZER.tokenize(name, 0, name.length());
    if (tokens.size() == 1) {
      return tokens.get(0).key();
    }
    StringBuilder b = new StringBuilder(name.length() + 4);
    for (int i = 0; i < tokens.size(); i++) {
      if (i > 0) {
        b.append(' ');
      }
      b.append(tokens.get(i).key());
    }
    return b.toString();
  }

  /** The keys cell for a cell of names: folded, de-duplicated, in order. */
  public static String foldCell(String cell) {
    if (cell.isEmpty()) {
      return cell;
    }
    Set<String> out = new LinkedHashSet<>();
    for (String n : cell.split("\\|")) {
      String k = fold(n);

      if (!k.isEmpty()) {
        out.add(k);
      }
    }
    return String.join("|", out);
  }

  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("usage: GazetteerKeys FILE.tsv...");
      System.exit(2);
    }
    for (String a : args) {
      Path p = Path.of(a);
      List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
      if (lines.contains(MARK)) {
        System.out.printf("%s: keys already folded, left as is%n", a);
        continue;
      }
      List<String> out = new ArrayList<>(lines.size());
      int keyCol = -1;
      int changed = 0;
      for (String line : lines) {
        if (line.isEmpty() || line.startsWith("#")) {
          out.add(line);
          continue;
        }
        String[] c = TsvLines.cells(line);
        if (keyCol < 0) {
          out.add(MARK);
          for (int i = 0; i < c.length; i++) {
            if (c[i].equals("keys")) {
              keyCol = i;
            }
          }
          if (keyCol < 0) {
            throw new IllegalArgumentException(a + ": no 'keys' column");
          }
          out.add(line);
          continue;
        }
        String k = foldCell(c[keyCol]);
        if (!k.equals(c[keyCol])) {
          changed++;
          c[keyCol] = k;
        }
        out.add(String.join("\t", c));
      }
      Files.write(p, out, StandardCharsets.UTF_8);
      System.out.printf("%s: %d rows' keys folded%n", a, changed);
    }
  }
}
