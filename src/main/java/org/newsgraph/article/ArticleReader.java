package org.newsgraph.article;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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

  public ArticleReader() {
    this(DEFAULT_MAX_BYTES);
  }

  public ArticleReader(int maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be > 0: " + maxBytes);
    }
    this.maxBytes = maxBytes;
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
      if (size > maxBytes) {
        listener.problem(Diagnostic.error(file, 0,
            "file is " + size + " bytes, over the limit of " + maxBytes + " bytes per article"));
        return;
      }
      byte[] bytes = Files.readAllBytes(f);
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
      String id = stripExtension(f.getFileName().toString());
      parseText(id, content, file, listener);
    } catch (IOException e) {
      listener.problem(Diagnostic.error(file, 0, "cannot read: " + e.getMessage()));
    }
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
    if (body.isEmpty()) {
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
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    long lineNo = 0;
    try (InputStream in = Files.newInputStream(f);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, dec), 1 << 16)) {
      String line;
      while (true) {
        try {
          line = r.readLine();
        } catch (CharacterCodingException e) {
          listener.problem(Diagnostic.error(file, lineNo + 1,
              "not UTF-8 text (invalid byte sequence); the rest of the file is skipped"));
          return;
        }
        if (line == null) {
          break;
        }
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        if (line.length() > maxBytes) {
          listener.problem(Diagnostic.error(file, lineNo,
              "line is over the limit of " + maxBytes + " characters per article"));
          continue;
        }
        parseJsonLine(line, file, lineNo, listener);
      }
    } catch (IOException e) {
      listener.problem(Diagnostic.error(file, lineNo, "cannot read: " + e.getMessage()));
    }
  }

  private static void parseJsonLine(String line, String file, long lineNo, Listener listener) {
    JsonObject o;
    try {
      JsonValue v = JSON.parseAny(line);
      if (!v.isObject()) {
        listener.problem(Diagnostic.error(file, lineNo, "expected a JSON object"));
        return;
      }
      o = v.getAsObject();
    } catch (RuntimeException e) {
      listener.problem(Diagnostic.error(file, lineNo, "malformed JSON: " + firstLine(e.getMessage())));
      return;
    }
    String where = file + ":" + lineNo;
    String id = string(o, "id");
    String text = string(o, "text");
    if (id == null || id.isBlank()) {
      listener.problem(Diagnostic.error(file, lineNo, "missing \"id\""));
      return;
    }
    if (text == null || text.isBlank()) {
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
