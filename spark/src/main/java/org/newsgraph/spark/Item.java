package org.newsgraph.spark;

import java.io.Serializable;

/**
 * One unit of input for a task: a line of a JSON Lines file (its bytes and number) or a whole text
 * file (its path, read by the task).
 *
 * @param source the file as named in messages and in the article's {@code ng:sourceFile}
 * @param line 1-based line number of a JSON line; 0 for a text file
 * @param bytes the line without its end, for a JSON line; null for a text file
 * @param path the Hadoop path of a text file; null for a JSON line
 */
record Item(String source, long line, byte[] bytes, String path) implements Serializable {

  static Item jsonLine(String source, long line, byte[] bytes) {
    return new Item(source, line, bytes, null);
  }

  static Item textFile(String source, String path) {
    return new Item(source, 0, null, path);
  }

  boolean isTextFile() {
    return path != null;
  }
}
