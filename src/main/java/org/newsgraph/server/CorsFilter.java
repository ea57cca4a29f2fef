package org.newsgraph.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Cross-origin access for one origin (or "*"): adds the CORS headers when the request's Origin
 * matches and answers preflight requests. Without {@code --cors} no CORS header is sent, so only
 * pages served by newsgraph itself can query the endpoint from a browser.
 */
final class CorsFilter implements Filter {

  private final String origin;

  CorsFilter(String origin) {
    this.origin = origin;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest r = (HttpServletRequest) req;
    HttpServletResponse w = (HttpServletResponse) resp;
    String from = r.getHeader("Origin");
    if (from != null && (origin.equals("*") || origin.equalsIgnoreCase(from))) {
      w.setHeader("Access-Control-Allow-Origin", origin.equals("*") ? "*" : from);
      w.addHeader("Vary", "Origin");
      if (!origin.equals("*")) {
        w.setHeader("Access-Control-Allow-Credentials", "true");
      }
      w.setHeader("Access-Control-Expose-Headers", "Content-Type, Content-Length, Location");
      if ("OPTIONS".equals(r.getMethod()) && r.getHeader("Access-Control-Request-Method") != null) {
        w.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, HEAD, OPTIONS");
        w.setHeader("Access-Control-Allow-Headers",
            "Accept, Authorization, Content-Type, Origin, X-Requested-With");
        w.setHeader("Access-Control-Max-Age", "1800");
        w.setStatus(HttpServletResponse.SC_NO_CONTENT);
        return;
      }
    }
    chain.doFilter(req, resp);
  }
}
