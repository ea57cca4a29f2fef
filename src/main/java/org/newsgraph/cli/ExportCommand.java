package org.newsgraph.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.system.Txn;
import org.newsgraph.export.Exporter;
import org.newsgraph.export.Network;
import org.newsgraph.export.NetworkBuilder;
import org.newsgraph.query.QueryRunner;
import org.newsgraph.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
    description = {
        "Writes the graph for graph tools, or dumps its RDF.",
        "Graph formats: actors and places are nodes; each event is an edge (from its "
            + "initiator, if known, to each other actor; between each pair of actors otherwise; "
            + "from a lone actor to the event's place) or, with --events-as nodes, a node linked to "
            + "its actors and places by role. graphml         GraphML with typed attributes and yEd "
            + "labels (yEd, Cytoscape, Gephi) gexf            GEXF 1.3 with time intervals (Gephi's "
            + "timeline) dot             Graphviz (dot -Tsvg FILE > graph.svg) csv             "
            + "FILE-nodes.csv and FILE-edges.csv (Gephi's spreadsheet import) cytoscape-json  "
            + "Cytoscape.js elements / Cytoscape Desktop .cyjs RDF dumps: ttl, jsonld, rdfxml (the "
            + "union of all graphs); trig, nq (one graph per article). --query NAME|FILE.rq: a "
            + "SELECT keeps the events of its ?event column (else its first column); a CONSTRUCT or "
            + "DESCRIBE exports the graph it builds."})
final class ExportCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  StoreOption storeOption;

  @Option(names = "--format", paramLabel = "FMT", required = true,
      description = "graphml, gexf, dot, csv, cytoscape-json; or ttl, trig, nq, jsonld, rdfxml.")
  String format;

  @Option(names = "--events-as", paramLabel = "nodes|edges", defaultValue = "edges",
      description = "Events as edges between actors (default) or as nodes of their own.")
  String eventsAs;

  @Option(names = "--query", paramLabel = "NAME|FILE",
      description = "Export only what a query of queries/ (or a .rq file) selects or builds.")
  String query;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
      description = "Output file (csv: FILE-nodes.csv and FILE-edges.csv).")
  Path output;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Exporter.GraphFormat gf = Exporter.GraphFormat.parse(format);
    RDFFormat rf = gf == null ? Exporter.rdfFormat(format) : null;
    if (gf == null && rf == null) {
      throw new IllegalArgumentException("unknown format '" + format
          + "' (graphml, gexf, dot, csv, cytoscape-json, ttl, trig, nq, jsonld, rdfxml)");
    }
    boolean eventsAsNodes = switch (eventsAs.toLowerCase(Locale.ROOT)) {
      case "nodes", "node" -> true;
      case "edges", "edge" -> false;
      default -> throw new IllegalArgumentException("--events-as takes nodes or edges, not '" + eventsAs + "'");
    };
    Query q = query == null ? null : QueryRunner.parse(queryText(query), query);
    if (q != null && rf != null && q.isSelectType()) {
      throw new IllegalArgumentException("an RDF dump with --query needs a CONSTRUCT or DESCRIBE query");
    }
    if (q != null && !(q.isSelectType() || q.isConstructType() || q.isDescribeType())) {
      throw new IllegalArgumentException("--query takes a SELECT, CONSTRUCT or DESCRIBE query");
    }
    try (GraphStore store = GraphStore.open(storeOption.store)) {
      Dataset ds = store.dataset();
      if (rf != null) {
        Path written = Txn.calculateRead(ds, () -> {
          try {
            if (q == null) {
              return Exporter.writeRdf(ds.asDatasetGraph(), rf, output);
            }
            Dataset result = DatasetFactory.createTxnMem();
            result.getDefaultModel().add(construct(ds, q));
            return Txn.calculateRead(result, () -> {
              try {
                return Exporter.writeRdf(result.asDatasetGraph(), rf, output);
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
        out.printf("Wrote the RDF (%s) to %s.%n", rf.getLang().getLabel(), written);
        out.flush();
        return 0;
      }
      Network net;
      if (q == null) {
        net = new NetworkBuilder(ds).eventsAsNodes(eventsAsNodes).build();
      } else if (q.isSelectType()) {
        Set<String> events = Txn.calculateRead(ds, () -> selectedIris(ds, q));
        net = new NetworkBuilder(ds).onlyEvents(events).eventsAsNodes(eventsAsNodes).build();
      } else {
        Dataset result = DatasetFactory.createTxnMem();
        Model m = Txn.calculateRead(ds, () -> construct(ds, q));
        Txn.executeWrite(result, () -> result.getDefaultModel().add(m));
        net = new NetworkBuilder(result).eventsAsNodes(eventsAsNodes).build();
      }
      List<Path> files = Exporter.write(net, gf, output);
      out.printf("Wrote %d nodes and %d edges (%s) to %s.%n", net.nodes().size(), net.edges().size(),
          format.toLowerCase(Locale.ROOT), String.join(" and ", files.stream().map(Path::toString).toList()));
      out.flush();
    }
    return 0;
  }

  private static String queryText(String name) throws java.io.IOException {
    Path p = Path.of(name);
    if (name.endsWith(".rq") || Files.isRegularFile(p)) {
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException("no such query file: " + p);
      }
      return QueryRunner.read(p);
    }
    return Cli.namedQuery(name);
  }

  private static Model construct(Dataset ds, Query q) {
    try (QueryExecution qe = QueryExecution.dataset(ds).query(q).build()) {
      return q.isConstructType() ? qe.execConstruct() : qe.execDescribe();
    }
  }

  private static Set<String> selectedIris(Dataset ds, Query q) {
    String var = q.getResultVars().contains("event") ? "event" : q.getResultVars().get(0);
    Set<String> iris = new LinkedHashSet<>();
    try (QueryExecution qe = QueryExecution.dataset(ds).query(q).build()) {
      ResultSet rs = qe.execSelect();
      while (rs.hasNext()) {
        QuerySolution s = rs.next();
        RDFNode n = s.get(var);
        if (n != null && n.isURIResource()) {
          iris.add(n.asResource().getURI());
        }
      }
    }
    return iris;
  }
}
