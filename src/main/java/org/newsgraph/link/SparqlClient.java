package org.newsgraph.link;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;

/**
 * A small SPARQL-over-HTTP client for look-ups: GET with the query in the URL, SPARQL JSON
 * results, an on-disk cache (one file per endpoint and query), a rate limit on the requests that
 * reach the network, and a hard time limit per request (connection, DNS and reading included).
 * A request that cannot reach the endpoint throws {@link Unreachable}.
 */
public final class SparqlClient {

  /** The endpoint cannot be reached: no network, unknown host, refused, or no answer in time. */
  public static final class Unreachable extends RuntimeException {
    public Unreachable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The endpoint answered with an error. */
  public static final class Failed extends RuntimeException {
    public Failed(String message) {
      super(message);
    }
  }

  private final URI endpoint;
  private final Path cache;
  private final RateLimiter limiter;
  private final Duration timeout;
  private final HttpClient http;
  private int requests;
  private int cacheHits;

  /**
   * @param endpoint the SPARQL endpoint
   * @param cache folder of cached answers, or null for none
   * @param perSecond the most requests per second sent to the endpoint
   * @param timeout the longest a request may take
   */
  public SparqlClient(URI endpoint, Path cache, double perSecond, Duration timeout) {
    this.endpoint = endpoint;
    this.cache = cache;
    this.limiter = new RateLimiter(perSecond);
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  public URI endpoint() {
    return endpoint;
  }

  /** Requests that went to the network. */
  public int requests() {
    return requests;
  }

  /** Answers read from the cache. */
  public int cacheHits() {
    return cacheHits;
  }

  /** Runs a SELECT query; answers come from the cache when it has them. */
  public ResultSetRewindable select(String query) {
    byte[] body = cached(query);
    if (body != null) {
      cacheHits++;
    } else {
      body = fetch(query);
      store(query, body);
    }
    ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(body), ResultSetLang.RS_JSON);
    return rs.rewindable();
  }

  private byte[] fetch(String query) {
    limiter.acquire();
    requests++;
    String url = endpoint + (endpoint.getQuery() == null ? "?" : "&") + "query="
        + URLEncoder.encode(query, StandardCharsets.UTF_8);
    HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
        .header("Accept", "application/sparql-results+json")
        .header("User-Agent", "newsgraph-link/0.1 (https://w3id.org/newsgraph; entity linking)")
        .GET().build();
    CompletableFuture<HttpResponse<byte[]>> f = http.sendAsync(req, HttpResponse.BodyHandlers.ofByteArray());
    HttpResponse<byte[]> resp;
    try {
      // bounds the whole exchange, name resolution included
      resp = f.get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new Unreachable("no answer from " + endpoint + " within " + timeout.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unreachable("interrupted while waiting for " + endpoint, e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof HttpConnectTimeoutException || c instanceof HttpTimeoutException) {
        throw new Unreachable("no answer from " + endpoint + " within " + timeout.toSeconds() + " s", c);
      }
      if (c instanceof ConnectException || c instanceof UnknownHostException
          || c instanceof UnresolvedAddressException || c instanceof IOException) {
        throw new Unreachable("cannot reach " + endpoint + ": "
            + (c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage()), c);
      }
      throw new Unreachable("cannot reach " + endpoint + ": " + c, c);
    }
    if (resp.statusCode() != 200) {
      throw new Failed(endpoint + " answered HTTP " + resp.statusCode());
    }
    return resp.body();
  }

  private Path cacheFile(String query) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256")
          .digest((endpoint + "\n" + query).getBytes(StandardCharsets.UTF_8));
      return cache.resolve(HexFormat.of().formatHex(d, 0, 16) + ".json");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] cached(String query) {
    if (cache == null) {
      return null;
    }
    Path p = cacheFile(query);
    try {
      return Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
    } catch (IOException e) {
      return null;
    }
  }

  private void store(String query, byte[] body) {
    if (cache == null) {
      return;
    }
    try {
      Files.createDirectories(cache);
      Path p = cacheFile(query);
      Path tmp = p.resolveSibling(p.getFileName() + ".part");
      Files.write(tmp, body);
      Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the cache " + cache, e);
    }
  }
}
