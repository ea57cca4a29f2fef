package org.newsgraph.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.newsgraph.kb.Gazetteer;

/** Writes a generated corpus to JSON Lines files: the articles, and the expected events beside. */
public final class CorpusFiles {

  private CorpusFiles() {}

  /** What was written. */
  public record Written(int articles, int events, long bytes) {}

  /**
   * Writes {@code n} articles of the seed to {@code articles} (one JSON object a line) and, when
   * {@code expected} is not null, their expected events to it (one JSON object a line).
   */
  public static Written write(Gazetteer kb, long seed, int n, Path articles, Path expected)
      throws IOException {
    if (n < 0) {
      throw new IllegalArgumentException("number of articles must be >= 0: " + n);
    }
    CorpusGenerator g = new CorpusGenerator(kb, seed);
    int[] events = {0};
    try (BufferedWriter a = writer(articles); BufferedWriter e = expected == null ? null : writer(expected)) {
      g.generate(n, art -> {
        try {
          a.write(art.toJson());
          a.write('\n');
          for (ExpectedEvent x : art.expected()) {
            events[0]++;
            if (e != null) {
              e.write(x.toJson());
              e.write('\n');
            }
          }
        } catch (IOException ex) {
          throw new UncheckedIOException(ex);
        }
      });
    } catch (UncheckedIOException ex) {
      throw ex.getCause();
    }
    return new Written(n, events[0], Files.size(articles));
  }

  private static BufferedWriter writer(Path p) throws IOException {
    Path parent = p.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    return Files.newBufferedWriter(p, StandardCharsets.UTF_8);
  }
}
