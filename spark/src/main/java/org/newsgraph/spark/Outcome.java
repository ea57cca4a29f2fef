package org.newsgraph.spark;

import java.io.Serializable;
import org.newsgraph.article.Diagnostic;

/**
 * What a task reports back: an article mapped (its id), a problem with the input (as
 * {@link Diagnostic} has it), or a shard written (its name and quad count).
 */
record Outcome(Kind kind, String id, String file, long line, String message, long quads)
    implements Serializable {

  enum Kind { ARTICLE, ERROR, WARNING, SHARD }

  static Outcome article(String id) {
    return new Outcome(Kind.ARTICLE, id, null, 0, null, 0);
  }

  static Outcome problem(Diagnostic d) {
    return new Outcome(d.severity() == Diagnostic.Severity.ERROR ? Kind.ERROR : Kind.WARNING, null,
        d.file(), d.line(), d.message(), 0);
  }

  static Outcome shard(String name, long quads) {
    return new Outcome(Kind.SHARD, name, null, 0, null, quads);
  }

  boolean isProblem() {
    return kind == Kind.ERROR || kind == Kind.WARNING;
  }

  /** The problem as a diagnostic: {@code file:line: error: message} when printed. */
  Diagnostic diagnostic() {
    return kind == Kind.ERROR ? Diagnostic.error(file, line, message)
        : Diagnostic.warning(file, line, message);
  }
}
