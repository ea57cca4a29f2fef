package org.newsgraph.query;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.util.NodeFactoryExtra;
import org.apache.jena.system.Txn;

/**
 * Runs SPARQL queries against a dataset, with parameters bound as RDF terms (never spliced into
 * the query text), and writes the results as a table, CSV, TSV or SPARQL JSON results.
 */
public final class QueryRunner {

  /** Result formats. */
  public enum Format { TABLE, CSV, TSV, JSON }

  private final Dataset dataset;
  private long timeoutMillis = 0;

  public QueryRunner(Dataset dataset) {
    this.dataset = Objects.requireNonNull(dataset, "dataset");
  }

  public QueryRunner timeout(long millis) {
    this.timeoutMillis = millis;
    return this;
  }

  /** Parses a query and checks that every parameter names a variable of it. */
  public static Query parse(String sparql, String where) {
    try {
      return QueryFactory.create(sparql);
    } catch (QueryParseException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses {@code name=value} parameters: the value is read as an RDF term in Turtle syntax
   * ({@code <http://...>}, {@code wd:Q7747}, {@code "2023-09-10"^^xsd:date}, {@code 42}); a value
   * that is not a term is taken as a plain string literal.
   */
  public static Map<String, Node> parseParams(Iterable<String> params, PrefixMap prefixes) {
    Map<String, Node> out = new LinkedHashMap<>();
    for (String p : params) {
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("parameter must be name=value: '" + p + "'");
      }
      String name = p.substring(0, eq).trim();
      if (name.startsWith("?") || name.startsWith("$")) {
        name = name.substring(1);
      }
      if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new IllegalArgumentException("bad parameter name '" + name + "'");
      }
      out.put(name, term(p.substring(eq + 1), prefixes));
    }
    return out;
  }

  static Node term(String value, PrefixMap prefixes) {
    String v = value.trim();
    boolean looksLikeTerm = v.startsWith("<") || v.startsWith("\"") || v.startsWith("'")
        || v.matches("[+-]?[0-9]+(\\.[0-9]+)?") || v.matches("[A-Za-z][\\w-]*:[^\\s]*")
        || v.equals("true") || v.equals("false");
    if (looksLikeTerm) {
      try {
        Node n = NodeFactoryExtra.parseNode(v, prefixes);
        if (n != null) {
          return n;
        }
      } catch (RiotException | IllegalArgumentException e) {
        if (v.startsWith("<") || v.startsWith("\"")) {
          throw new IllegalArgumentException("bad RDF term '" + value + "': " + e.getMessage(), e);
        }
      }
    }
    return NodeFactory.createLiteralString(value);
  }

  /** The prefixes of a query plus the usual ones, for reading parameter values. */
  public static PrefixMap prefixes(Query q) {
    PrefixMap pm = PrefixMapFactory.create();
    pm.add("xsd", "http://www.w3.org/2001/XMLSchema#");
    pm.add("wd", "http://www.wikidata.org/entity/");
    pm.add("ng", "https://w3id.org/newsgraph/ontology#");
    pm.add("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
    q.getPrefixMapping().getNsPrefixMap().forEach(pm::add);
    return pm;
  }

  /** Runs a query and writes its results; returns the number of result rows (or triples). */
  public long run(Query q, Map<String, Node> params, Format format, OutputStream out) {
    for (String name : params.keySet()) {
      if (!q.getProjectVars().contains(Var.alloc(name)) && !mentions(q, name)) {
        throw new IllegalArgumentException("the query has no variable ?" + name);
      }
    }
    BindingBuilder b = BindingBuilder.create();
    params.forEach((k, v) -> b.add(Var.alloc(k), v));
    Binding binding = b.build();
    long started = System.nanoTime();
    return Txn.calculateRead(dataset, () -> {
      var builder = QueryExecution.create().query(q).dataset(dataset).substitution(binding);
      if (timeoutMillis > 0) {
        builder = builder.timeout(timeoutMillis, TimeUnit.MILLISECONDS);
      }
      try (QueryExecution qe = builder.build();
          QueryWatchdog watchdog = QueryWatchdog.watch(timeoutMillis, qe::abort, qe::isClosed)) {
        return write(q, qe, format, out);
      } catch (org.apache.jena.query.QueryCancelledException e) {
        // ARQ's exception has no message: say what stopped the query
        throw new QueryTimeoutException(timeoutMillis, e);
      } catch (RuntimeException e) {
        // a query cancelled inside a hash join can end in ARQ's own NullPointerException
        // (its probe table already released): past the limit, that is the limit at work
        if (QueryWatchdog.pastLimit(started, timeoutMillis)) {
          throw new QueryTimeoutException(timeoutMillis, e);
        }
        throw e;
      }
    });
  }

  /** A query stopped by the time limit of {@link #timeout}. */
  public static final class QueryTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    QueryTimeoutException(long millis, Throwable cause) {
      super(String.format(java.util.Locale.ROOT, "the query was stopped after its time limit of %s"
          + " (--timeout); results written before that are incomplete",
          millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms"), cause);
    }
  }

  private static boolean mentions(Query q, String var) {
    return org.apache.jena.sparql.algebra.OpVars
        .mentionedVars(org.apache.jena.sparql.algebra.Algebra.compile(q)).contains(Var.alloc(var));
  }

  private static long write(Query q, QueryExecution qe, Format format, OutputStream out) {
    if (q.isSelectType()) {
      ResultSet rs = qe.execSelect();
      return switch (format) {
        case CSV -> count(rs, r -> ResultSetFormatter.outputAsCSV(out, r));
        case TSV -> count(rs, r -> ResultSetFormatter.outputAsTSV(out, r));
        case JSON -> count(rs, r -> ResultSetFormatter.outputAsJSON(out, r));
        case TABLE -> {
          var rewindable = org.apache.jena.query.ResultSetFactory.copyResults(rs);
          PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
          ResultSetFormatter.out(ps, rewindable, q.getPrefixMapping());
          yield rewindable.size();
        }
      };
    }
    if (q.isAskType()) {
      boolean b = qe.execAsk();
      PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
      ps.println(format == Format.JSON ? "{ \"boolean\" : " + b + " }" : Boolean.toString(b));
      return b ? 1 : 0;
    }
    Model m = q.isConstructType() ? qe.execConstruct() : qe.execDescribe();
    RDFDataMgr.write(out, m, RDFFormat.TURTLE_PRETTY);
    return m.size();
  }

  private interface Writer {
    void write(ResultSet rs);
  }

  private static long count(ResultSet rs, Writer w) {
    var copy = org.apache.jena.query.ResultSetFactory.copyResults(rs);
    w.write(copy);
    return copy.size();
  }

  /** Reads a query file. */
  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read query " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses a format name. */
  public static Format format(String s) {
    try {
      return Format.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown format '" + s + "' (table, csv, tsv, json)", e);
    }
  }
}
