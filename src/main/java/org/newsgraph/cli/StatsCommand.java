package org.newsgraph.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.system.Txn;
import org.newsgraph.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(name = "stats", mixinStandardHelpOptions = true,
    description = "Prints counts of the store: graphs, quads, articles, entities, events, dyads (pairs of actors of an event), and entities and events by class.")
final class StatsCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  StoreOption storeOption;

  private static final String PREFIXES = "PREFIX ng: <https://w3id.org/newsgraph/ontology#>\n"
      + "PREFIX schema: <https://schema.org/>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n";

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (GraphStore store = GraphStore.open(storeOption.store)) {
      var ds = store.dataset();
      Txn.executeRead(ds, () -> {
        out.printf("Store: %s%n", store.dir());
        out.printf("  named graphs  %,10d%n", count(ds, "SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g { } }"));
        out.printf("  quads         %,10d%n", store.size());
        out.printf("  articles      %,10d%n", count(ds, PREFIXES
            + "SELECT (COUNT(DISTINCT ?a) AS ?n) { ?a a schema:NewsArticle }"));
        out.printf("  entities      %,10d%n", count(ds, PREFIXES
            + "SELECT (COUNT(DISTINCT ?e) AS ?n) { ?a schema:mentions ?e }"));
        out.printf("  events        %,10d%n", count(ds, PREFIXES
            + "SELECT (COUNT(DISTINCT ?e) AS ?n) { ?e ng:status ?s }"));
        out.printf("  dyads         %,10d%n", count(ds, PREFIXES
            + "SELECT (COUNT(DISTINCT ?d) AS ?n) { ?e ng:dyad ?d }"));
        out.println("Entities by class:");
        table(ds, out, PREFIXES + "SELECT ?c (COUNT(DISTINCT ?e) AS ?n) { ?a schema:mentions ?e . ?e a ?c "
            + "FILTER(STRSTARTS(STR(?c), STR(ng:))) } GROUP BY ?c ORDER BY DESC(?n) ?c");
        out.println("Events by class:");
        table(ds, out, PREFIXES + "SELECT ?c (COUNT(DISTINCT ?e) AS ?n) { ?e ng:status ?s ; a ?c "
            + "FILTER(STRSTARTS(STR(?c), STR(ng:))) } GROUP BY ?c ORDER BY DESC(?n) ?c");
      });
    }
    out.flush();
    return 0;
  }

  private static long count(org.apache.jena.query.Dataset ds, String q) {
    try (QueryExecution qe = QueryExecution.dataset(ds).query(q).build()) {
      ResultSet rs = qe.execSelect();
      return rs.hasNext() ? rs.next().getLiteral("n").getLong() : 0;
    }
  }

  private static void table(org.apache.jena.query.Dataset ds, PrintWriter out, String q) {
    try (QueryExecution qe = QueryExecution.dataset(ds).query(q).build()) {
      ResultSet rs = qe.execSelect();
      if (!rs.hasNext()) {
        out.println("  (none)");
      }
      while (rs.hasNext()) {
        QuerySolution s = rs.next();
        String c = s.getResource("c").getURI();
        out.printf("  %-14s %,8d%n", c.substring(c.indexOf('#') + 1), s.getLiteral("n").getLong());
      }
    }
  }
}
