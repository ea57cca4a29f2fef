package org.newsgraph.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access log: one line per request on the logger {@code org.newsgraph.server.access} (INFO),
 * as client address, user, method, path and query string, status, and milliseconds.
 */
final class AccessLogFilter implements Filter {

  static final String LOGGER = "org.newsgraph.server.access";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  @Override
  public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    if (!(req instanceof HttpServletRequest r) || !(resp instanceof HttpServletResponse w)) {
      chain.doFilter(req, resp);
      return;
    }
    long t0 = System.nanoTime();
    try {
      chain.doFilter(req, resp);
    } finally {
      if (LOG.isInfoEnabled()) {
        String q = r.getQueryString();
        String path = r.getRequestURI() + (q == null ? "" : "?" + (q.length() > 200 ? q.substring(0, 200) + "..." : q));
        LOG.info("{} {} {} {} {} {}ms", r.getRemoteAddr(), r.getRemoteUser() == null ? "-" : r.getRemoteUser(),
            r.getMethod(), path, w.getStatus(), (System.nanoTime() - t0) / 1_000_000);
      }
    }
  }
}
