package org.newsgraph.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.newsgraph.rdf.NG;
import org.newsgraph.server.NewsgraphServer;
import org.newsgraph.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {
        "Serves the store over HTTP: a SPARQL endpoint (embedded Fuseki, read-only unless "
            + "--allow-update), the web viewer at /, linked-data pages at /id/...",
        "for the data IRIs (BASE/PATH is served at /id/PATH), and the bundled queries. "
            + "Listens on the loopback interface unless --host says otherwise. The store is locked "
            + "while the server runs: load articles or RDF through the server (--allow-update), not "
            + "with a second process. Endpoints: /ds/sparql (query), /ds/get (Graph Store read), "
            + "/$/ping; with --allow-update, as user 'admin': /ds/update, /ds/data (Graph Store "
            + "read-write), /ds/upload, /ingest?id=ID."})
final class ServeCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  StoreOption storeOption;

  @Option(names = "--port", paramLabel = "N", defaultValue = "3030",
      description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--host", paramLabel = "ADDR",
      description = "Address to listen on (default: loopback only; 0.0.0.0 for every interface).")
  String host;

  @Option(names = "--allow-update",
      description = "Enable SPARQL Update, Graph Store writes, uploads and article ingest, for the admin user.")
  boolean allowUpdate;

  @Option(names = "--password-file", paramLabel = "FILE",
      description = "File whose first line is the admin password (user 'admin', HTTP basic auth); required by --allow-update.")
  Path passwordFile;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
      description = "Query timeout; a query that runs longer gets HTTP 503 (default: ${DEFAULT-VALUE}; 0: none).")
  double timeout;

  @Option(names = "--max-results", paramLabel = "N", defaultValue = "10000",
      description = "At most N results (rows or triples) per query (default: ${DEFAULT-VALUE}; 0: no limit).")
  long maxResults;

  @Option(names = "--cors", paramLabel = "ORIGIN",
      description = "Allow cross-origin requests from this origin (e.g. https://example.org, or *).")
  String cors;

  @Option(names = "--base", paramLabel = "IRI", defaultValue = NG.DEFAULT_BASE,
      description = "Base IRI of the data, served at /id/ (default: ${DEFAULT-VALUE}).")
  String base;

  @Option(names = "--allow-service", paramLabel = "URL",
      description = "Let SPARQL queries call this endpoint with SERVICE (repeatable; none by default:"
          + " a query with SERVICE gets HTTP 400).")
  java.util.List<String> allowServices = new java.util.ArrayList<>();

  @Option(names = "--max-query-bytes", paramLabel = "N", defaultValue = "1048576",
      description = "Largest request body on the query paths, in bytes (default: ${DEFAULT-VALUE}; 0: none).")
  long maxQueryBytes;

  @Option(names = "--max-upload-bytes", paramLabel = "N", defaultValue = "67108864",
      description = "Largest request body for uploads, Graph Store writes, updates and ingest, in bytes"
          + " (default: ${DEFAULT-VALUE}; 0: none).")
  long maxUploadBytes;

  @Option(names = "--no-access-log", description = "Do not log requests.")
  boolean noAccessLog;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    NewsgraphServer.Config config = new NewsgraphServer.Config().port(port).host(host)
        .timeoutSeconds(timeout).maxResults(maxResults).cors(cors).base(base)
        .maxQueryBytes(maxQueryBytes).maxUploadBytes(maxUploadBytes);
    allowServices.forEach(config::allowService);
    if (allowUpdate) {
      if (passwordFile == null) {
        throw new IllegalArgumentException("--allow-update needs --password-file FILE (the admin password)");
      }
      config.allowUpdate(readPassword(passwordFile));
    } else if (passwordFile != null) {
      throw new IllegalArgumentException("--password-file is only used with --allow-update");
    }
    if (timeout < 0 || maxResults < 0 || port < 0 || port > 65535 || maxQueryBytes < 0 || maxUploadBytes < 0) {
      throw new IllegalArgumentException(
          "--port, --timeout, --max-results, --max-query-bytes and --max-upload-bytes take non-negative numbers");
    }
    if (!noAccessLog) {
      Configurator.setLevel("org.newsgraph.server.access", Level.INFO);
    }
    GraphStore store = GraphStore.open(storeOption.store);
    NewsgraphServer server;
    try {
      server = NewsgraphServer.start(store, config);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      store.close();
    }, "newsgraph-shutdown"));
    out.printf("newsgraph: serving %s at %s%n", storeOption.store, server.url());
    out.printf("  SPARQL endpoint: %s (read-only%s)%n", server.sparqlUrl(),
        allowUpdate ? "; updates at /ds/update for user admin" : "");
    out.printf("  Linked data:     %sid/... for %s...%n", server.url(), base);
    out.println("Press Ctrl-C to stop.");
    out.flush();
    server.join();
    return 0;
  }

  static String readPassword(Path file) {
    try {
      String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
      if (first.isEmpty()) {
        throw new IllegalArgumentException("the password file " + file + " is empty");
      }
      return first;
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("cannot read the password file " + file + ": " + e.getMessage(), e);
    }
  }
}
