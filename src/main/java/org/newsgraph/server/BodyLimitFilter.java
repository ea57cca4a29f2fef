package org.newsgraph.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Request body size limits: {@code maxUpload} bytes on the write paths (uploads, Graph Store
 * writes, updates, ingest), {@code maxQuery} bytes everywhere else (queries). A request that
 * declares a larger Content-Length is answered 413 before anything is read; a chunked body is
 * cut off with an error as soon as it passes the limit.
 */
final class BodyLimitFilter implements Filter {

  private final long maxQuery;
  private final long maxUpload;
  private final Set<String> uploadPaths;

  BodyLimitFilter(long maxQuery, long maxUpload, Set<String> uploadPaths) {
    this.maxQuery = maxQuery;
    this.maxUpload = maxUpload;
    this.uploadPaths = uploadPaths;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    if (!(req instanceof HttpServletRequest r) || !(resp instanceof HttpServletResponse w)) {
      chain.doFilter(req, resp);
      return;
    }
    String path = r.getRequestURI().substring(r.getContextPath().length());
    long limit = uploadPaths.contains(path) ? maxUpload : maxQuery;
    if (limit <= 0) {
      chain.doFilter(req, resp);
      return;
    }
    long declared = r.getContentLengthLong();
    if (declared > limit) {
      w.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
          "Request body over the limit of " + limit + " bytes");
      return;
    }
    String ct = r.getContentType() == null ? "" : r.getContentType().toLowerCase(java.util.Locale.ROOT);
    if (declared < 0 && !uploadPaths.contains(path) && !ct.startsWith("application/x-www-form-urlencoded")
        && !ct.startsWith("multipart/")) {
      // A query sent in chunks: read it here (it is small) so that a long one gets a clean 413.
      // (Form bodies are read by Jetty itself, which has its own limit.)
      byte[] body = r.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limit + 1));
      if (body.length > limit) {
        w.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
            "Request body over the limit of " + limit + " bytes");
        return;
      }
      chain.doFilter(new Limited(r, limit, body), resp);
      return;
    }
    try {
      chain.doFilter(new Limited(r, limit, null), resp);
    } catch (BodyTooLarge e) {
      if (!w.isCommitted()) {
        w.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, e.getMessage());
      }
    }
  }

  /** A request whose body stream fails past the limit. */
  private static final class Limited extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    private final byte[] body;

    Limited(HttpServletRequest r, long limit, byte[] body) {
      super(r);
      this.limit = limit;
      this.body = body;
    }

    @Override
    public int getContentLength() {
      return body != null ? body.length : super.getContentLength();
    }

    @Override
    public long getContentLengthLong() {
      return body != null ? body.length : super.getContentLengthLong();
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null && body != null) {
        java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(body);
        stream = new ServletInputStream() {
          @Override
          public int read() {
            return in.read();
          }

          @Override
          public int read(byte[] b, int off, int len) {
            return in.read(b, off, len);
          }

          @Override
          public boolean isFinished() {
            return in.available() == 0;
          }

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setReadListener(ReadListener l) {
            throw new IllegalStateException("no asynchronous reads");
          }
        };
      }
      if (stream == null) {
        ServletInputStream in = super.getInputStream();
        stream = new ServletInputStream() {
          long count;

          private void add(long n) throws IOException {
            count += n;
            if (count > limit) {
              throw new BodyTooLarge(limit);
            }
          }

          @Override
          public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
              add(1);
            }
            return b;
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
              add(n);
            }
            return n;
          }

          @Override
          public boolean isFinished() {
            return in.isFinished();
          }

          @Override
          public boolean isReady() {
            return in.isReady();
          }

          @Override
          public void setReadListener(ReadListener l) {
            in.setReadListener(l);
          }
        };
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String enc = getCharacterEncoding();
      Charset cs = enc == null ? StandardCharsets.UTF_8 : Charset.forName(enc);
      return new BufferedReader(new InputStreamReader(getInputStream(), cs));
    }
  }

  /** Thrown when a body passes its limit. */
  static final class BodyTooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    BodyTooLarge(long limit) {
      super("Request body over the limit of " + limit + " bytes");
    }
  }
}
