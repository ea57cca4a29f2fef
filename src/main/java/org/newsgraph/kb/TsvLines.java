package org.newsgraph.kb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a small tab-separated table (UTF-8), read whole from its stream, as
 * {@link java.io.BufferedReader#readLine()} would give them (a line ends at "\n", "\r" or "\r\n").
 * The gazetteer reads its curated and region tables this way: one bulk read, each line decoded on
 * its own (most lines of French text fit in Latin-1, the compact form of a Java string), and no
 * regular expression, stream or map per row, which keep a fresh JVM busy before its compilers
 * have warmed up. ({@link PlaceTable} indexes the bytes of its far bigger table instead.)
 */
final class TsvLines {

  private final byte[] bytes;
  private int pos;
  private int number;

  TsvLines(InputStream in) throws IOException {
    this.bytes = readAll(in);
  }

  /**
   * All the bytes of a stream, in an array of the size {@link InputStream#available()} announces
   * when it announces the rest of the stream (a file, an entry of a jar): one allocation instead
   * of the chunks and the copy of {@link InputStream#readAllBytes()}, which for the big tables
   * would make a fresh JVM's small heap collect several times.
   */
  static byte[] readAll(InputStream in) throws IOException {
    byte[] b = new byte[Math.max(in.available(), 0)];
    int n = in.readNBytes(b, 0, b.length);
    if (n < b.length) {
      return Arrays.copyOf(b, n);
    }
    byte[] rest = in.readAllBytes();
    if (rest.length == 0) {
      return b;
    }
    byte[] all = Arrays.copyOf(b, n + rest.length);
    System.arraycopy(rest, 0, all, n, rest.length);
    return all;
  }

  /** The next line without its end, or null after the last. */
  String next() {
    byte[] b = bytes;
    int n = b.length;
    if (pos >= n) {
      return null;
    }
    int end = pos;
    while (end < n && b[end] != '\n' && b[end] != '\r') {
      end++;
    }
    String line = new String(b, pos, end - pos, StandardCharsets.UTF_8);
    pos = end + 1 < n && b[end] == '\r' && b[end + 1] == '\n' ? end + 2 : end + 1;
    number++;
    return line;
  }

  /** The number (from 1) of the line {@link #next()} returned last. */
  int number() {
    return number;
  }

  /** Splits a line on tabs, keeping empty cells (as {@code line.split("\t", -1)}). */
  static String[] cells(String line) {
    int n = 1;
    for (int i = line.indexOf('\t'); i >= 0; i = line.indexOf('\t', i + 1)) {
      n++;
    }
    String[] out = new String[n];
    int from = 0;
    for (int k = 0; k < n - 1; k++) {
      int tab = line.indexOf('\t', from);
      out[k] = line.substring(from, tab);
      from = tab + 1;
    }
    out[n - 1] = line.substring(from);
    return out;
  }
}
