package org.newsgraph.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of one benchmark run, printed as a table and written as CSV. */
public final class Results {

  /** One figure: the stage it belongs to, what it measures, its value and unit. */
  public record Row(String stage, String metric, double value, String unit, String note) {}

  private final List<Row> rows = new ArrayList<>();

  public void add(String stage, String metric, double value, String unit, String note) {
    rows.add(new Row(stage, metric, value, unit, note == null ? "" : note));
  }

  public void add(String stage, String metric, double value, String unit) {
    add(stage, metric, value, unit, "");
  }

  public List<Row> rows() {
    return List.copyOf(rows);
  }

  /** The value of a figure, or NaN when absent. */
  public double get(String stage, String metric) {
    return rows.stream().filter(r -> r.stage().equals(stage) && r.metric().equals(metric))
        .mapToDouble(Row::value).findFirst().orElse(Double.NaN);
  }

  public void printTable(PrintWriter out) {
    int s = 5;
    int m = 6;
    for (Row r : rows) {
      s = Math.max(s, r.stage().length());
      m = Math.max(m, r.metric().length());
    }
    String fmt = "%-" + s + "s  %-" + m + "s  %14s  %-12s %s%n";
    out.printf(fmt, "stage", "metric", "value", "unit", "note");
    for (Row r : rows) {
      out.printf(fmt, r.stage(), r.metric(), number(r.value()), r.unit(), r.note());
    }
    out.flush();
  }

  public void writeCsv(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    StringBuilder b = new StringBuilder("stage,metric,value,unit,note\n");
    for (Row r : rows) {
      b.append(csv(r.stage())).append(',').append(csv(r.metric())).append(',')
          .append(plain(r.value())).append(',').append(csv(r.unit())).append(',')
          .append(csv(r.note())).append('\n');
    }
    Files.writeString(file, b, StandardCharsets.UTF_8);
  }

  private static String number(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    return Math.abs(v) >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v)
        : String.format(Locale.ROOT, "%,.2f", v);
  }

  private static String plain(double v) {
    return Double.isNaN(v) ? "" : v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3f", v);
  }

  /** A CSV field: quoted when it holds a comma, a quote or a line break. */
  static String csv(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n")
        ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
