package org.newsgraph.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.util.Context;

/**
 * SPARQL {@code SERVICE} under control: a query may only call the endpoints listed in the
 * configuration ({@code --allow-service URL}); none by default, so the server cannot be made to
 * fetch internal addresses on a client's behalf. Queries are checked before they run (their
 * algebra is searched for {@code SERVICE}); as a second line, the dataset's service executor
 * refuses any other endpoint at run time, which covers SPARQL Update too.
 */
final class ServiceGuard {

  private final Set<String> allowed;

  ServiceGuard(Set<String> allowed) {
    this.allowed = Set.copyOf(allowed);
  }

  /** The SERVICE endpoints of a query that are not allowed (variables included), empty if none. */
  List<String> refused(Query query) {
    return refused(Algebra.compile(query));
  }

  List<String> refused(Op op) {
    List<String> out = new ArrayList<>();
    // Walker (unlike OpWalker) also goes into the patterns of expressions: FILTER EXISTS { ... }.
    org.apache.jena.sparql.algebra.walker.Walker.walk(op, new OpVisitorBase() {
      @Override
      public void visit(OpService s) {
        Node n = s.getService();
        String name = n.isURI() ? n.getURI() : n.toString();
        if (!n.isURI() || !allowed.contains(n.getURI())) {
          out.add(name);
        }
      }
    });
    return out;
  }

  /** The message for refused endpoints. */
  static String message(List<String> refused) {
    return "SERVICE " + String.join(", ", refused) + " is not allowed: this server only queries the"
        + " endpoints it is configured for (serve --allow-service URL)";
  }

  /** Installs the run-time check on a dataset's context. */
  void install(Context context) {
    if (allowed.isEmpty()) {
      context.set(ARQ.httpServiceAllowed, false);
    }
    ServiceExecutorRegistry registry = ServiceExecutorRegistry.chooseRegistry(context).copy();
    registry.addSingleLink((opExec, original, binding, execCxt, chain) -> {
      Node n = opExec.getService();
      if (!n.isURI() || !allowed.contains(n.getURI())) {
        throw new QueryExecException(message(List.of(n.isURI() ? n.getURI() : n.toString())));
      }
      return chain.createExecution(opExec, original, binding, execCxt);
    });
    ServiceExecutorRegistry.set(context, registry);
  }
}
