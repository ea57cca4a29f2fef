package org.newsgraph.article;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;

/**
 * Reads articles from text files, folders and JSON Lines files.
 *
 * <p>A text file starts with a header line {@code " date YYYY-MM"} (or {@code YYYY-MM-DD}); the body
 * follows. A {@code .jsonl} file holds one JSON object per line with {@code id}, {@code date},
 * {@code title}, {@code text}, {@code url} and {@code lang}. Folders are walked in name order for
 * {@code .txt} and {@code .jsonl} files. A bad file or line is reported to the listener with its
 * place and skipped; the others are still read.
 *
 * <pre>{@code
 * new ArticleReader().read(List.of(Path.of("seeds")), listener);
 * }</pre>
 */
public final class ArticleReader {

  /** Receives the articles read and the problems met, in input order. */
  public interface Listener {
    void article(Article article);

    void problem(Diagnostic diagnostic);

    /** A listener from two functions. */
    static Listener of(java.util.function.Consumer<Article> articles,
        java.util.function.Consumer<Diagnostic> problems) {
      return new Listener() {
        @Override
        public void article(Article a) {
          articles.accept(a);
        }

        @Override
        public void problem(Diagnostic d) {
          problems.accept(d);
        }
      };
    }
  }

  /** Default size limit of one article, in bytes. */
  public static final int DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

  private static final Pattern HEADER =
      Pattern.compile("\\A\\uFEFF?[ \\t]*date[ \\t]+(\\d{4}(?:-\\d{2}){0,2})(?=\\s|\\z)");
  private static final Pattern JSON_DATE = Pattern.compile("(\\d{4}(?:-\\d{2}){0,2})(?:[T ].*)?");

  private final int maxBytes;
  private java.util.concurrent.atomic.AtomicLong bytesRead;

  public ArticleReader() {
    this(DEFAULT_MAX_BYTES);
  }

  public ArticleReader(int maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be > 0: " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /**
   * Adds the bytes of input read (lines of JSON Lines files, whole text files) to {@code counter}
   * as reading goes, for progress reports.
   */
  public ArticleReader countingBytes(java.util.concurrent.atomic.AtomicLong counter) {
    this.bytesRead = counter;
    return this;
  }

  /** Total size in bytes of the article files of these paths (files, folders walked). */
  public static long totalBytes(List<Path> paths) {
    long n = 0;
    for (Path p : paths) {
      try {
        if (Files.isDirectory(p)) {
          try (Stream<Path> s = Files.walk(p)) {
            n += s.filter(Files::isRegularFile).filter(ArticleReader::isArticleFile)
                .mapToLong(f -> f.toFile().length()).sum();
          }
        } else if (Files.isRegularFile(p)) {
          n += Files.size(p);
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        // unreadable: the reader reports it; the total is only for the progress estimate
      }
    }
    return n;
  }

  private void counted(long bytes) {
    if (bytesRead != null) {
      bytesRead.addAndGet(bytes);
    }
  }

  /** Reads every path (file or folder) in order. */
  public void read(List<Path> paths, Listener listener) {
    for (Path p : paths) {
      if (!Files.exists(p)) {
        listener.problem(Diagnostic.error(p.toString(), 0, "no such file or folder"));
      } else if (Files.isDirectory(p)) {
        for (Path f : listFolder(p, listener)) {
          readFile(f, listener);
        }
      } else {
        readFile(p, listener);
      }
    }
  }

  private List<Path> listFolder(Path dir, Listener listener) {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(Files::isRegularFile)
          .filter(f -> isArticleFile(f))
          .sorted()
          .forEach(files::add);
    } catch (IOException e) {
      listener.problem(Diagnostic.error(dir.toString(), 0, "cannot list folder: " + e.getMessage()));
    }
    return files;
  }

  private static boolean isArticleFile(Path f) {
    String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".txt") || n.endsWith(".jsonl");
  }

  /** Reads one file: JSON Lines when it ends in {@code .jsonl}, a text article otherwise. */
  public void readFile(Path f, Listener listener) {
    if (f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
      readJsonLines(f, listener);
    } else {
      readText(f, listener);
    }
  }

  private void readText(Path f, Listener listener) {
    String file = f.toString();
    try {
      long size = Files.size(f);
      counted(size);
      if (size > maxBytes) {
        listener.problem(Diagnostic.error(file, 0,
            "file is " + size + " bytes, over the limit of " + maxBytes + " bytes per article"));
        return;
      }
      readText(Files.readAllBytes(f), file, f.getFileName().toString(), listener);
    } catch (IOException e) {
      listener.problem(Diagnostic.error(file, 0, "cannot read: " + e.getMessage()));
    }
  }

  /**
   * Reads the content of a text article, as {@link #read} does for a {@code .txt} file: for readers
   * that fetch files themselves (such as the Spark job). {@code file} names the file in messages and
   * as the article's source; the id is {@code fileName} without its extension.
   */
  public void readText(byte[] bytes, String file, String fileName, Listener listener) {
    if (bytes.length > maxBytes) {
      listener.problem(Diagnostic.error(file, 0,
          "file is " + bytes.length + " bytes, over the limit of " + maxBytes + " bytes per article"));
      return;
    }
    String content;
    try {
      content = decodeStrict(bytes);
    } catch (CharacterCodingException e) {
      listener.problem(Diagnostic.error(file, lineOfByte(bytes, firstBadByte(bytes)),
          "not UTF-8 text (invalid byte sequence)"));
      return;
    }
    if (content.indexOf('\0') >= 0) {
      listener.problem(Diagnostic.error(file, 0, "not a text file (contains NUL bytes)"));
      return;
    }
    parseText(stripExtension(fileName), content, file, listener);
  }

  /** Parses the content of a text article: header line, then body. */
  public static void parseText(String id, String content, String file, Listener listener) {
    if (content.isBlank()) {
      listener.problem(Diagnostic.error(file, 1, "empty article"));
      return;
    }
    Matcher m = HEADER.matcher(content);
    if (!m.find()) {
      String first = content.lines().findFirst().orElse("");
      listener.problem(Diagnostic.error(file, 1,
          "missing date header: the first line must read ' date YYYY-MM' (found '"
              + abbreviate(first, 60) + "')"));
      return;
    }
    PartialDate date;
    try {
      date = PartialDate.parse(m.group(1));
    } catch (IllegalArgumentException e) {
      listener.problem(Diagnostic.error(file, 1, "bad date in header: " + e.getMessage()));
      return;
    }
    String body = strip(content.substring(m.end()));
    if (invisible(body)) {
      listener.problem(Diagnostic.error(file, 1, "article has a date header but no text"));
      return;
    }
    try {
      listener.article(Article.of(id, date, null, body, null, "fr", file));
    } catch (IllegalArgumentException e) {
      listener.problem(Diagnostic.error(file, 0, e.getMessage()));
    }
  }

  private void readJsonLines(Path f, Listener listener) {
    String file = f.toString();
    long lineNo = 0;
    try (InputStream in = Files.newInputStream(f)) {
      BoundedLines r = new BoundedLines(in, maxBytes);
      byte[] bytes;
      while ((bytes = r.next()) != null) {
        lineNo++;
        counted(bytes.length + 1L);
        if (r.tooLong()) {
          listener.problem(tooLong(file, lineNo));
          continue;
        }
        readJsonLine(bytes, file, lineNo, listener);
      }
    } catch (IOException e) {
      listener.problem(Diagnostic.error(file, lineNo, "cannot read: " + e.getMessage()));
    }
  }

  private Diagnostic tooLong(String file, long lineNo) {
    return Diagnostic.error(file, lineNo, "line is over the limit of " + maxBytes + " bytes per article");
  }

  /**
   * Reads one line of a JSON Lines file, as {@link #read} does for each line of a {@code .jsonl}
   * file: for readers that split files into lines themselves (such as the Spark job). The bytes are
   * the line without its {@code "\n"} (and without the {@code "\r"} before it); {@code lineNo}
   * counts from 1. A blank line is skipped, a line over the size limit or not in UTF-8 is reported.
   */
  public void readJsonLine(byte[] bytes, String file, long lineNo, Listener listener) {
    if (bytes.length > maxBytes) {
      listener.problem(tooLong(file, lineNo));
      return;
    }
    String line;
    try {
      line = decodeStrict(bytes);
    } catch (CharacterCodingException e) {
      listener.problem(Diagnostic.error(file, lineNo, "not UTF-8 text (invalid byte sequence)"));
      return;
    }
    if (lineNo == 1 && line.startsWith("\uFEFF")) {
      line = line.substring(1);
    }
    if (line.isBlank()) {
      return;
    }
    parseJsonLine(line, file, lineNo, listener);
  }

  /**
   * The lines of a byte stream, each held in memory only up to a limit: a longer line is read to
   * its end but not kept ({@link #tooLong()}), so one huge line cannot exhaust the heap. Lines are
   * split on bytes, so a bad byte sequence spoils its own line only.
   */
  private static final class BoundedLines {
    private final InputStream in;
    private final int max;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int len;
    private boolean tooLong;

    BoundedLines(InputStream in, int max) {
      this.in = in;
      this.max = max;
    }

    /** The next line's bytes without its end ("\n" or "\r\n"); empty when too long; null at the end. */
    byte[] next() throws IOException {
      java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
      tooLong = false;
      boolean any = false;
      while (true) {
        if (pos == len) {
          int n = in.read(buf, 0, buf.length);
          if (n <= 0) {
            pos = 0;
            len = 0;
            return any ? end(line) : null;
          }
          pos = 0;
          len = n;
        }
        any = true;
        int nl = pos;
        while (nl < len && buf[nl] != '\n') {
          nl++;
        }
        if (!tooLong) {
          if (line.size() + (nl - pos) > max + 1L) {
            tooLong = true;
            line = new java.io.ByteArrayOutputStream();
          } else {
            line.write(buf, pos, nl - pos);
          }
        }
        if (nl < len) {
          pos = nl + 1;
          return end(line);
        }
        pos = len;
      }
    }

    private byte[] end(java.io.ByteArrayOutputStream line) {
      if (tooLong) {
        return new byte[0];
      }
      byte[] b = line.toByteArray();
      int n = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
      if (n > max) {
        tooLong = true;
        return new byte[0];
      }
      return n == b.length ? b : java.util.Arrays.copyOf(b, n);
    }

    boolean tooLong() {
      return tooLong;
    }
  }

  /** How deep JSON arrays and objects may nest in one line. */
  static final int MAX_JSON_DEPTH = 64;

  private static void parseJsonLine(String line, String file, long lineNo, Listener listener) {
    JsonObject o;
    int[] shape = jsonShape(line);
    if (shape[0] > MAX_JSON_DEPTH) {
      listener.problem(Diagnostic.error(file, lineNo,
          "JSON nested deeper than " + MAX_JSON_DEPTH + " levels"));
      return;
    }
    if (shape[1] >= 0 && !line.substring(shape[1]).isBlank()) {
      listener.problem(Diagnostic.error(file, lineNo,
          "malformed JSON: text after the object (one article per line)"));
      return;
    }
    try {
      JsonValue v = JSON.parseAny(line);
      if (!v.isObject()) {
        listener.problem(Diagnostic.error(file, lineNo, "expected a JSON object"));
        return;
      }
      o = v.getAsObject();
    } catch (org.apache.jena.atlas.json.JsonParseException e) {
      listener.problem(Diagnostic.error(file, lineNo, "malformed JSON: " + firstLine(e.getMessage())));
      return;
    } catch (RuntimeException | StackOverflowError e) {
      // The parser failed in another way: its message would speak of its insides, not of the line.
      listener.problem(Diagnostic.error(file, lineNo, "malformed JSON"));
      return;
    }
    String where = file + ":" + lineNo;
    for (String key : new String[] {"id", "date", "title", "text", "url", "lang"}) {
      JsonValue v = o.get(key);
      if (v != null && (v.isArray() || v.isObject())) {
        listener.problem(Diagnostic.error(file, lineNo, "\"" + key + "\" must be a string"));
        return;
      }
      String sv = v != null && v.isString() ? v.getAsString().value() : null;
      if (sv != null && unpairedSurrogate(sv) >= 0) {
        listener.problem(Diagnostic.error(file, lineNo, "\"" + key + "\" holds an unpaired UTF-16 surrogate"
            + " (a \\ud800-\\udfff escape without its pair): not Unicode text"));
        return;
      }
      if (sv != null && sv.indexOf('\0') >= 0) {
        listener.problem(Diagnostic.error(file, lineNo, "\"" + key + "\" contains NUL characters"));
        return;
      }
    }
    String id = string(o, "id");
    String text = string(o, "text");
    if (id == null || id.isBlank()) {
      listener.problem(Diagnostic.error(file, lineNo, "missing \"id\""));
      return;
    }
    if (text == null || invisible(text)) {
      listener.problem(Diagnostic.error(file, lineNo, "article '" + id + "' has no \"text\""));
      return;
    }
    PartialDate date = null;
    String ds = string(o, "date");
    if (ds != null && !ds.isBlank()) {
      Matcher dm = JSON_DATE.matcher(ds.trim());
      try {
        if (!dm.matches()) {
          throw new IllegalArgumentException("not a date: '" + ds + "'");
        }
        date = PartialDate.parse(dm.group(1));
      } catch (IllegalArgumentException e) {
        listener.problem(Diagnostic.error(file, lineNo, "bad \"date\": " + e.getMessage()));
        return;
      }
    } else {
      listener.problem(Diagnostic.warning(file, lineNo,
          "article '" + id + "' has no \"date\": relative dates will not be resolved"));
    }
    try {
      listener.article(Article.of(id.trim(), date, string(o, "title"), strip(text), string(o, "url"),
          string(o, "lang"), where));
    } catch (IllegalArgumentException e) {
      listener.problem(Diagnostic.error(file, lineNo, e.getMessage()));
    }
  }

  /** True when the text has nothing to read: only white space and invisible format characters. */
  static boolean invisible(String text) {
    return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
        || Character.getType(c) == Character.FORMAT);
  }

  /**
   * The deepest nesting of arrays and objects in a JSON text (strings skipped), and the index just
   * after the first top-level value when it is closed (else -1).
   */
  static int[] jsonShape(String json) {
    int depth = 0;
    int max = 0;
    int end = -1;
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        max = Math.max(max, ++depth);
      } else if (c == ']' || c == '}') {
        depth--;
        if (depth == 0 && end < 0) {
          end = i + 1;
        }
      }
    }
    return new int[] {max, end};
  }

  /** The index of the first unpaired surrogate in s, or -1. */
  static int unpairedSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      } else if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  private static String string(JsonObject o, String key) {
    JsonValue v = o.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isString()) {
      return v.getAsString().value();
    }
    return v.toString();
  }

  private static String decodeStrict(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes)).toString();
  }

  private static int firstBadByte(byte[] bytes) {
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    dec.decode(in, out, true);
    return in.position();
  }

  private static long lineOfByte(byte[] bytes, int pos) {
    long line = 1;
    for (int i = 0; i < pos && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  private static String strip(String s) {
    return s.replace("\r\n", "\n").strip();
  }

  private static String stripExtension(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "...";
  }
}
