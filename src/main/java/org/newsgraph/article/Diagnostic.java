package org.newsgraph.article;

import java.util.Objects;

/**
 * A problem found in the input, with where it was found: printed as {@code file:line: message}.
 *
 * @param severity how bad
 * @param file the file, as the user named it
 * @param line 1-based line, or 0 when the whole file is concerned
 * @param message what is wrong, with the offending input where it helps
 */
public record Diagnostic(Severity severity, String file, long line, String message) {

  /** Warnings leave the article in; errors leave it out. */
  public enum Severity { WARNING, ERROR }

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0: " + line);
    }
  }

  public static Diagnostic error(String file, long line, String message) {
    return new Diagnostic(Severity.ERROR, file, line, message);
  }

  public static Diagnostic warning(String file, long line, String message) {
    return new Diagnostic(Severity.WARNING, file, line, message);
  }

  @Override
  public String toString() {
    String where = line > 0 ? file + ":" + line : file;
    return where + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
  }
}
