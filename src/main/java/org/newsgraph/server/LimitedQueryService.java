package org.newsgraph.server;

import java.util.List;
import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * The SPARQL query service with a result limit: a SELECT, CONSTRUCT or DESCRIBE query without a
 * LIMIT, or with a larger one, is run with LIMIT {@code max}. Zero or less means no limit. A query
 * that calls a {@code SERVICE} not allowed by the {@link ServiceGuard} is refused with 400 before
 * it runs.
 */
final class LimitedQueryService extends SPARQL_QueryDataset {

  private final long max;
  private final ServiceGuard services;

  LimitedQueryService(long max, ServiceGuard services) {
    this.max = max;
    this.services = services;
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
