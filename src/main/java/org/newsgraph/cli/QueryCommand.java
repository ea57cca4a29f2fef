package org.newsgraph.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.newsgraph.query.QueryRunner;
import org.newsgraph.store.GraphStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "query", mixinStandardHelpOptions = true,
    description = {
        "Runs a SPARQL query on the store.",
        "The default graph is the union of all graphs (articles and ontology). QUERY is a .rq "
            + "file or the name of a query of queries/ (e.g. 'calls'); or give the text with -e. "
            + "Parameters are bound as RDF terms, never pasted into the text: --param "
            + "actor=wd:Q7747 binds ?actor to that IRI; --param day='\"2023-09-10\"^^xsd:date' to a "
            + "typed literal; a value that is not a term is a string."})
final class QueryCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  StoreOption storeOption;

  static final class Source {
    @Parameters(paramLabel = "QUERY", arity = "1", description = "A .rq file or a query name of queries/.")
    String query;

    @Option(names = {"-e", "--expr"}, paramLabel = "SPARQL", description = "The query text.")
    String expr;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE", description = "Bind a variable (repeatable).")
  List<String> params = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FMT", defaultValue = "table",
      description = "table, csv, tsv or json (default: ${DEFAULT-VALUE}); CONSTRUCT gives Turtle.")
  String format;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "0",
      description = "Stop the query after this many seconds (default: no limit).")
  long timeout;

  @Override
  public Integer call() throws Exception {
    String text;
    String where;
    if (source.expr != null) {
      text = source.expr;
      where = "-e";
    } else if (source.query.endsWith(".rq") || Files.isRegularFile(Path.of(source.query))) {
      Path p = Path.of(source.query);
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException("no such query file: " + p);
      }
      text = QueryRunner.read(p);
      where = p.toString();
    } else {
      text = Cli.namedQuery(source.query);
      where = "queries/" + source.query + ".rq";
    }
    Query q = QueryRunner.parse(text, where);
    Map<String, Node> bound = QueryRunner.parseParams(params, QueryRunner.prefixes(q));
    QueryRunner.Format fmt = QueryRunner.format(format);
    try (GraphStore store = GraphStore.open(storeOption.store)) {
      OutputStream out = new BufferedOutputStream(System.out);
      if (spec.commandLine().getOut() != null) {
        out = new WriterOutputStream(spec.commandLine().getOut());
      }
      new QueryRunner(store.dataset()).timeout(timeout * 1000).run(q, bound, fmt, out);
      out.flush();
    }
    return 0;
  }

  /** Lets the query results go to the command's writer (so tests can capture them). */
  private static final class WriterOutputStream extends OutputStream {
    private final java.io.PrintWriter w;
    private final java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();

    WriterOutputStream(java.io.PrintWriter w) {
      this.w = w;
    }

    @Override
    public void write(int b) {
      buf.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      buf.write(b, off, len);
    }

    @Override
    public void flush() {
      w.print(buf.toString(java.nio.charset.StandardCharsets.UTF_8));
      w.flush();
      buf.reset();
    }
  }
}
