package org.newsgraph.server;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.newsgraph.TestFiles;
import org.newsgraph.cli.Main;

/** Builds a store from the seed article with the real command line (ontology included). */
public final class SeedStore {

  private SeedStore() {}

  public static Path build(Path dir) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"build", "--store", dir.toString(), TestFiles.seed().toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    if (code != 0) {
      throw new IllegalStateException("build failed (" + code + "): " + err.toString(StandardCharsets.UTF_8));
    }
    return dir;
  }
}
