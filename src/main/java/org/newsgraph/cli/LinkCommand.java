package org.newsgraph.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.newsgraph.link.Linker;
import org.newsgraph.link.SparqlClient;
import org.newsgraph.rdf.NG;
import org.newsgraph.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "link", mixinStandardHelpOptions = true,
    description = {
        "Links the entities of the store that have no owl:sameAs to Wikidata by looking them "
            + "up on a SPARQL endpoint (Wikidata's by default): a GeoNames place by its GeoNames id "
            + "(P1566), anything else by its French label and type, several matches settled by the "
            + "countries its articles mention (else left unlinked).",
        "Links go to the graph BASE graph/links. Answers are cached on disk, requests are "
            + "rate-limited and time-limited; when the endpoint cannot be reached (offline) the "
            + "command says so and exits with 1."})
final class LinkCommand implements Callable<Integer> {

  static final String WIKIDATA = "https://query.wikidata.org/sparql";

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  StoreOption storeOption;

  @Option(names = "--endpoint", paramLabel = "URL", defaultValue = WIKIDATA,
      description = "SPARQL endpoint with Wikidata's data model (default: ${DEFAULT-VALUE}).")
  String endpoint;

  @Option(names = "--cache", paramLabel = "DIR", defaultValue = "data/link-cache",
      description = "Folder of cached answers (default: ${DEFAULT-VALUE}).")
  Path cache;

  @Option(names = "--rate", paramLabel = "N/s", defaultValue = "1",
      description = "Most requests per second sent to the endpoint, e.g. 2 or 0.5/s (default: ${DEFAULT-VALUE}).")
  String rate;

  @Option(names = "--timeout", paramLabel = "S", defaultValue = "30",
      description = "Longest wait for one answer, in seconds (default: ${DEFAULT-VALUE}).")
  double timeout;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
      description = "Look up at most N entities (default: all).")
  int limit;

  @Option(names = "--dry-run", description = "Look up and print, but write nothing to the store.")
  boolean dryRun;

  @Option(names = "--base", paramLabel = "IRI", defaultValue = NG.DEFAULT_BASE,
      description = "Base IRI of the data (default: ${DEFAULT-VALUE}).")
  String base;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    double perSecond = parseRate(rate);
    if (!(timeout > 0)) {
      throw new IllegalArgumentException("--timeout must be > 0 seconds: " + timeout);
    }
    URI uri;
    try {
      uri = URI.create(endpoint);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad --endpoint URL: " + endpoint);
    }
    if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
      throw new IllegalArgumentException("--endpoint must be an http(s) URL: " + endpoint);
    }
    SparqlClient client = new SparqlClient(uri, cache, perSecond,
        Duration.ofMillis((long) (timeout * 1000)));
    Linker linker = new Linker(base);
    try (GraphStore store = GraphStore.open(storeOption.store)) {
      List<Linker.Candidate> todo = linker.unlinked(store.datasetGraph());
      if (limit > 0 && todo.size() > limit) {
        todo = todo.subList(0, limit);
      }
      out.printf("%d entit%s without a Wikidata link; looking them up on %s%n", todo.size(),
          todo.size() == 1 ? "y" : "ies", endpoint);
      List<Linker.Result> results = new ArrayList<>();
      String stoppedBy = null;
      for (Linker.Candidate c : todo) {
        Linker.Result r;
        try {
          r = linker.link(c, client);
        } catch (SparqlClient.Unreachable e) {
          stoppedBy = e.getMessage();
          break;
        } catch (SparqlClient.Failed e) {
          err.println("newsgraph: " + c.label() + ": " + e.getMessage());
          continue;
        }
        results.add(r);
        out.printf("  %-40s %-12s %s%n", c.label() + " (" + c.type() + ")",
            r.linked() ? r.qid() : "-", r.reason());
      }
      long linked = results.stream().filter(Linker.Result::linked).count();
      int written = dryRun ? 0 : linker.write(store.datasetGraph(), results, endpoint);
      out.printf("%d linked, %d not; %s; %d request(s), %d answer(s) from the cache.%n", linked,
          results.size() - linked, dryRun ? "dry run: nothing written"
              : written + " link(s) written to " + linker.linksGraph(),
          client.requests(), client.cacheHits());
      out.flush();
      if (stoppedBy != null) {
        err.printf("newsgraph: %s.%nnewsgraph: the endpoint cannot be reached: this machine seems to be"
            + " offline (or the endpoint is down). %d of %d entities were looked up (from the cache"
            + " or before the failure); run link again when online, or give --endpoint a reachable"
            + " SPARQL endpoint.%n", stoppedBy, results.size(), todo.size());
        err.flush();
        return 1;
      }
    }
    return 0;
  }

  static double parseRate(String s) {
    String v = s.trim().toLowerCase(Locale.ROOT);
    if (v.endsWith("/s")) {
      v = v.substring(0, v.length() - 2);
    }
    try {
      double d = Double.parseDouble(v);
      if (d > 0 && d < 1000) {
        return d;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new IllegalArgumentException("--rate must be a number of requests per second, e.g. 2 or 0.5/s: " + s);
  }
}
