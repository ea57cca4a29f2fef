package org.newsgraph.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.newsgraph.store.ArticleLoader;

/**
 * Shows how a long build goes: on a terminal, one line redrawn in place with a bar, the share
 * done, the rate and the time left; otherwise (a log file, a pipe, CI) a plain line every
 * {@code logEverySeconds} seconds ("newsgraph: 12,000 articles, 744,000 quads, 950 articles/s,
 * 41% read, ETA 1 min 02 s"). Nothing is shown for builds that end within two seconds.
 */
final class ProgressBar implements ArticleLoader.Progress {

  private static final int WIDTH = 24;

  private final PrintWriter err;
  private final boolean terminal;
  private final double logEverySeconds;
  private double lastLog;
  private boolean drawn;
  private int lastLength;

  ProgressBar(PrintWriter err, boolean terminal, double logEverySeconds) {
    this.err = err;
    this.terminal = terminal;
    this.logEverySeconds = logEverySeconds;
  }

  /** A bar for standard error: redrawn when the process has a terminal, log lines otherwise. */
  static ProgressBar forStandardError(PrintWriter err, double logEverySeconds) {
    return new ProgressBar(err, System.console() != null, logEverySeconds);
  }

  @Override
  public void update(ArticleLoader.Status s) {
    if (terminal && s.seconds() < 2 && !drawn) {
      return;
    }
    if (terminal) {
      String l = line(s);
      err.print("\r" + l + " ".repeat(Math.max(0, lastLength - l.length())) + (s.done() ? "\n" : ""));
      lastLength = l.length();
      err.flush();
      drawn = !s.done();
    } else if (s.done() || s.seconds() >= Math.min(2, logEverySeconds)
        && s.seconds() - lastLog >= logEverySeconds) {
      lastLog = s.seconds();
      err.println("newsgraph: " + logLine(s));
      err.flush();
    }
  }

  @Override
  public void step(String message) {
    err.println("newsgraph: " + message);
    err.flush();
  }

  /** "[##########..............]  42%  41,234 articles  1,020 articles/s  ETA 1 min 05 s". */
  static String line(ArticleLoader.Status s) {
    StringBuilder b = new StringBuilder();
    double f = s.done() ? 1.0 : s.fraction();
    if (f >= 0) {
      int full = (int) Math.round(f * WIDTH);
      b.append('[').append("#".repeat(full)).append(".".repeat(WIDTH - full)).append("] ");
      b.append(String.format(Locale.ROOT, "%3d%%  ", (int) Math.floor(f * 100)));
    }
    b.append(String.format(Locale.ROOT, "%,d articles  %,d quads  %,.0f articles/s", s.articles(),
        s.quads(), s.rate()));
    if (s.done()) {
      b.append("  in ").append(duration(s.seconds()));
    } else if (s.etaSeconds() >= 0) {
      b.append("  ETA ").append(duration(s.etaSeconds()));
    }
    return b.toString();
  }

  /** The plain form, for logs. */
  static String logLine(ArticleLoader.Status s) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
        "%,d articles, %,d quads, %,.0f articles/s", s.articles(), s.quads(), s.rate()));
    if (s.done()) {
      b.append(", done in ").append(duration(s.seconds()));
    } else {
      if (s.fraction() >= 0) {
        b.append(String.format(Locale.ROOT, ", %d%% read", (int) Math.floor(s.fraction() * 100)));
      }
      if (s.etaSeconds() >= 0) {
        b.append(", ETA ").append(duration(s.etaSeconds()));
      }
    }
    return b.toString();
  }

  static String duration(double seconds) {
    long t = Math.round(seconds);
    if (t < 60) {
      return t + " s";
    }
    if (t < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", t / 60, t % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", t / 3600, (t % 3600) / 60);
  }
}
