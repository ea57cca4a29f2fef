package org.newsgraph.server;

import java.util.List;
import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.newsgraph.query.QueryWatchdog;

/**
 * The SPARQL query service with a result limit: a SELECT, CONSTRUCT or DESCRIBE query without a
 * LIMIT, or with a larger one, is run with LIMIT {@code max}. Zero or less means no limit. A query
 * that calls a {@code SERVICE} not allowed by the {@link ServiceGuard} is refused with 400 before
 * it runs. A query that fails once past its time limit is answered as timed out (503), whatever
 * the failure: ARQ can end a query cancelled inside a hash join with its own
 * NullPointerException (closing a probe table it never built), which would otherwise reach the
 * client as a server error (500). A query past its limit is cancelled again until it stops
 * ({@link QueryWatchdog}): some shapes of query otherwise run on long past it.
 */
final class LimitedQueryService extends SPARQL_QueryDataset {

  private final long max;
  private final ServiceGuard services;
  private final long timeoutMillis;

  /**
   * {@code max}: the result limit (0: none); {@code timeoutMillis}: the server's time limit per
   * query (0: none), which a request's {@code timeout} parameter can only lower.
   */
  LimitedQueryService(long max, ServiceGuard services, long timeoutMillis) {
    this.max = max;
    this.services = services;
    this.timeoutMillis = timeoutMillis;
  }

  /** The watchdog of the query this thread is running, if any. */
  private static final ThreadLocal<QueryWatchdog> WATCHDOG = new ThreadLocal<>();

  @Override
  protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
    QueryExec qe = super.createQueryExec(action, query, dataset);
    WATCHDOG.set(QueryWatchdog.watch(limitMillis(action.getRequestParameter("timeout")), qe::abort,
        qe::isClosed));
    return qe;
  }

  @Override
  protected void execute(String queryString, HttpAction action) {
    long started = System.nanoTime();
    try {
      super.execute(queryString, action);
    } catch (QueryCancelledException | ActionErrorException e) {
      throw e;
    } catch (RuntimeException e) {
      if (QueryWatchdog.pastLimit(started, limitMillis(action.getRequestParameter("timeout")))) {
        QueryCancelledException timedOut = new QueryCancelledException();
        timedOut.addSuppressed(e);
        throw timedOut;
      }
      throw e;
    } finally {
      QueryWatchdog w = WATCHDOG.get();
      if (w != null) {
        w.close();
        WATCHDOG.remove();
      }
    }
  }

  /**
   * The time limit of a request: the server's, or the first value of the request's {@code timeout}
   * parameter (in seconds) when lower.
   */
  long limitMillis(String requested) {
    long limit = timeoutMillis;
    if (requested != null && !requested.isBlank()) {
      try {
        double secs = Double.parseDouble(requested.split(",", 2)[0].trim());
        long ms = Math.round(secs * 1000);
        if (ms > 0 && (limit <= 0 || ms < limit)) {
          limit = ms;
        }
      } catch (NumberFormatException e) {
        // Fuseki refuses a malformed parameter itself
      }
    }
    return limit;
  }

  @Override
  protected void validateQuery(HttpAction action, Query query) {
    super.validateQuery(action, query);
    List<String> refused = services.refused(query);
    if (!refused.isEmpty()) {
      ServletOps.errorBadRequest(ServiceGuard.message(refused));
    }
  }

  @Override
  protected Pair<DatasetGraph, Query> decideDataset(HttpAction action, Query query, String queryStringLog) {
    Pair<DatasetGraph, Query> p = super.decideDataset(action, query, queryStringLog);
    Query q = p.getRight();
    if (max > 0 && !q.isAskType()
        && (q.getLimit() == Query.NOLIMIT || q.getLimit() > max)) {
      Query capped = q.cloneQuery();
      capped.setLimit(max);
      return Pair.create(p.getLeft(), capped);
    }
    return p;
  }
}
