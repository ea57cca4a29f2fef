package org.newsgraph.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.auth.AuthPolicy;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.JettySecurityLib;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.newsgraph.Pipeline;
import org.newsgraph.rdf.NG;
import org.newsgraph.store.GraphStore;

/**
 * The newsgraph server: embedded Fuseki over a {@link GraphStore}, with the web viewer, the
 * linked-data pages and the bundled queries.
 *
 * <pre>
 * /                    the viewer (classpath /org/newsgraph/web/)
 * /ds/sparql, /ds/query, /ds   SPARQL query (GET or POST); default graph = union of all graphs
 * /ds/get, /ds          Graph Store Protocol, read (?graph=IRI; ?default is the storage default graph)
 * /$/ping               liveness
 * /id/PATH              linked-data page of BASE + PATH (HTML, Turtle, JSON-LD...)
 * /queries              the bundled SPARQL queries as JSON
 * with allowUpdate:     /ds/update (SPARQL Update), /ds/data (GSP read-write), /ds/upload,
 *                       /ingest (articles) — HTTP basic auth as user "admin"
 * </pre>
 */
public final class NewsgraphServer implements AutoCloseable {

  public static final String DATASET = "/ds";
  public static final String ADMIN = "admin";
  static final String REALM = "newsgraph";
  /** Default limit of a query request's body. */
  public static final long DEFAULT_MAX_QUERY_BYTES = 1L << 20;
  /** Default limit of an upload's body. */
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 64L << 20;
  /** The paths that take large bodies (with --allow-update). */
  static final java.util.Set<String> WRITE_PATHS =
      java.util.Set.of(DATASET + "/update", DATASET + "/data", DATASET + "/upload", "/ingest");

  /** Settings. {@code timeoutSeconds} and {@code maxResults} of 0 mean no limit. */
  public static final class Config {
    int port = 3030;
    String host = null;
    boolean allowUpdate = false;
    String adminPassword = null;
    double timeoutSeconds = 30;
    long maxResults = 10_000;
    String corsOrigin = null;
    String base = NG.DEFAULT_BASE;
    final java.util.Set<String> allowedServices = new java.util.LinkedHashSet<>();
    long maxQueryBytes = DEFAULT_MAX_QUERY_BYTES;
    long maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES;

    /** Lets SPARQL queries call this endpoint with SERVICE (none is allowed by default). */
    public Config allowService(String endpoint) {
      this.allowedServices.add(Objects.requireNonNull(endpoint, "endpoint"));
      return this;
    }

    /** The largest request body on the query paths, in bytes (default 1 MB; 0: no limit). */
    public Config maxQueryBytes(long n) {
      this.maxQueryBytes = n;
      return this;
    }

    /** The largest request body on the write paths (upload, data, update, ingest), in bytes. */
    public Config maxUploadBytes(long n) {
      this.maxUploadBytes = n;
      return this;
    }

    public Config port(int p) {
      this.port = p;
      return this;
    }

    /** The address to listen on; null means loopback only. */
    public Config host(String h) {
      this.host = h;
      return this;
    }

    public Config allowUpdate(String adminPassword) {
      this.allowUpdate = true;
      this.adminPassword = Objects.requireNonNull(adminPassword, "adminPassword");
      return this;
    }

    public Config timeoutSeconds(double s) {
      this.timeoutSeconds = s;
      return this;
    }

    public Config maxResults(long n) {
      this.maxResults = n;
      return this;
    }

    public Config cors(String origin) {
      this.corsOrigin = origin;
      return this;
    }

    public Config base(String b) {
      this.base = b;
      return this;
    }
  }

  private final FusekiServer server;
  private final String hostForUrl;

  private NewsgraphServer(FusekiServer server, String hostForUrl) {
    this.server = server;
    this.hostForUrl = hostForUrl;
  }

  /** Builds and starts the server over an open store (which stays the caller's to close). */
  public static NewsgraphServer start(GraphStore store, Config c) {
    DatasetGraph dsg = store.datasetGraph();
    if (c.timeoutSeconds > 0) {
      dsg.getContext().set(ARQ.queryTimeout, Long.toString(Math.round(c.timeoutSeconds * 1000)));
    }
    ServiceGuard services = new ServiceGuard(c.allowedServices);
    services.install(dsg.getContext());
    DataService.Builder ds = DataService.newBuilder(dsg);
    ds.addEndpoint(Operation.Query, "");
    ds.addEndpoint(Operation.Query, "sparql");
    ds.addEndpoint(Operation.Query, "query");
    ds.addEndpoint(Operation.GSP_R, "");
    ds.addEndpoint(Operation.GSP_R, "get");

    FusekiServer.Builder b = FusekiServer.create()
        .port(c.port)
        .enablePing(true)
        .enableStats(false)
        .enableCors(false)
        .registerOperation(Operation.Query, new LimitedQueryService(c.maxResults, services,
            Math.round(c.timeoutSeconds * 1000)));
    if (c.host == null) {
      b.loopback(true);
    }
    b.addFilter("/*", new AccessLogFilter());
    b.addFilter("/*", new BodyLimitFilter(c.maxQueryBytes, c.maxUploadBytes, WRITE_PATHS));
    if (c.corsOrigin != null && !c.corsOrigin.isBlank()) {
      b.addFilter("/*", new CorsFilter(c.corsOrigin.trim()));
    }
    if (c.allowUpdate) {
      AuthPolicy admin = Auth.policyAllowSpecific(ADMIN);
      ds.addEndpoint(Operation.Update, "update", admin);
      ds.addEndpoint(Operation.GSP_RW, "data", admin);
      ds.addEndpoint(Operation.Upload, "upload", admin);
      UserStore users = JettySecurityLib.makeUserStore(ADMIN, c.adminPassword);
      ConstraintSecurityHandler sh = JettySecurityLib.makeSecurityHandler$(REALM, users, AuthScheme.BASIC);
      for (String path : WRITE_PATHS) {
        JettySecurityLib.addPathConstraint(sh, path);
      }
      b.auth(AuthScheme.BASIC).securityHandler(sh);
      b.addServlet("/ingest", new IngestServlet(store, Pipeline.builder().base(c.base).build()));
    }
    b.add(DATASET, ds);
    b.addServlet("/id/*", new LinkedDataServlet(dsg, c.base));
    b.addServlet("/queries", new QueriesServlet());
    b.addServlet("/config.json", new ConfigServlet(c.base, c.maxResults, c.allowUpdate));
    b.addServlet("/*", new WebServlet());
    FusekiServer server = b.build();
    if (c.host != null) {
      bindTo(server, c.host);
    }
    poolResponseBuffers(server.getJettyServer());
    server.start();
    String shown = c.host == null ? "localhost" : c.host.contains(":") ? "[" + c.host + "]" : c.host;
    if ("0.0.0.0".equals(c.host) || "::".equals(c.host)) {
      shown = "localhost";
    }
    return new NewsgraphServer(server, shown);
  }

  /** Makes Jetty's connector listen on one address. */
  private static void bindTo(FusekiServer server, String host) {
    try {
      InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("unknown host address '" + host + "'", e);
    }
    for (var connector : server.getJettyServer().getConnectors()) {
      if (connector instanceof org.eclipse.jetty.server.ServerConnector sc) {
        sc.setHost(host);
      }
    }
  }

  /**
   * Gives each connector a buffer pool that keeps buffers as large as the response buffer.
   * Fuseki holds up to 5 MB of each response in one buffer (so that an error met while the
   * results are written can still change the status), and Jetty's default pool only keeps
   * buffers up to 64 KB: every request, a ping as much as a query, then allocated and zeroed a
   * fresh 5 MB direct buffer, about 6 ms on the 2-core machine (a ping took 7.1–7.3 ms over a
   * kept-alive connection, 1.2–1.4 ms with the pool). The connectors are
   * rebuilt with the same factories, port, host and idle timeout, before the server starts.
   */
  static void poolResponseBuffers(Server jetty) {
    List<Connector> connectors = new ArrayList<>();
    for (Connector connector : jetty.getConnectors()) {
      HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
      if (!(connector instanceof ServerConnector sc) || http == null) {
        connectors.add(connector);
        continue;
      }
      int largest = Math.max(65536, http.getHttpConfiguration().getOutputBufferSize());
      // minimum and bucket factor as Jetty's defaults; memory kept: Jetty's heuristic
      ArrayByteBufferPool pool = new ArrayByteBufferPool(0, -1, largest, -1, 0, 0);
      ServerConnector pooled = new ServerConnector(jetty, null, null, pool, -1, -1,
          sc.getConnectionFactories().toArray(new ConnectionFactory[0]));
      pooled.setPort(sc.getPort());
      pooled.setHost(sc.getHost());
      pooled.setIdleTimeout(sc.getIdleTimeout());
      pooled.setReuseAddress(sc.getReuseAddress());
      connectors.add(pooled);
    }
    jetty.setConnectors(connectors.toArray(new Connector[0]));
  }

  /** The address the server listens on (a loopback address unless configured otherwise). */
  String listenHost() {
    for (var connector : server.getJettyServer().getConnectors()) {
      if (connector instanceof org.eclipse.jetty.server.ServerConnector sc) {
        return sc.getHost();
      }
    }
    return null;
  }

  public int port() {
    return server.getHttpPort();
  }

  /** The Jetty server underneath (for tests). */
  Server jetty() {
    return server.getJettyServer();
  }

  /** The viewer's URL. */
  public String url() {
    return "http://" + hostForUrl + ":" + port() + "/";
  }

  /** The SPARQL query endpoint's URL. */
  public String sparqlUrl() {
    return "http://" + hostForUrl + ":" + port() + DATASET + "/sparql";
  }

  public void join() {
    server.join();
  }

  @Override
  public void close() {
    server.stop();
  }
}
