package dev.paved.api.edge;

import dev.paved.api.ApiLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The limits a request meets before anything reads it (docs/operations.md, Limits): a body over
 * {@code body-size} is answered 413 unread when its length is declared, and stops being read at the
 * limit when it is not; an {@code Idempotency-Key} or a run's or access request's id over its
 * length is answered 400. Runs before sign-in, so an anonymous caller meets the same limits. An
 * error answered without a body on the way back is given one: every error is a problem.
 */
class RequestLimitsFilter extends OncePerRequestFilter {

  /** Paths whose next segment is an id. */
  private static final List<String> WITH_IDS = List.of("/api/v1/runs/", "/api/v1/access-requests/");

  private final ApiLimits limits;

  RequestLimitsFilter(ApiLimits limits) {
    this.limits = limits;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long maxBody = limits.bodySize().toBytes();
    if (request.getContentLengthLong() > maxBody) {
      ProblemJson.write(
          response,
          HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
          "the request body may have at most " + maxBody + " bytes (paved.limits.body-size)",
          null);
      return;
    }
    String key = request.getHeader("Idempotency-Key");
    if (key != null && key.length() > limits.idempotencyKeyLength()) {
      ProblemJson.write(
          response,
          HttpServletResponse.SC_BAD_REQUEST,
          "Idempotency-Key must be 1 to "
              + limits.idempotencyKeyLength()
              + " characters, not all blank",
          null);
      return;
    }
    String id = id(request.getRequestURI());
    if (id != null && id.length() > limits.idLength()) {
      ProblemJson.write(
          response,
          HttpServletResponse.SC_BAD_REQUEST,
          "an id has at most " + limits.idLength() + " characters",
          null);
      return;
    }
    chain.doFilter(new Limited(request, maxBody), response);
    // an error answered without a body (the actuator's 404 for an unknown health group): a problem
    if (response.getStatus() >= 400
        && !response.isCommitted()
        && response.getContentType() == null
        && !request.isAsyncStarted()) {
      ProblemJson.write(
          response, response.getStatus(), ProblemJson.detail(response.getStatus()), null);
    }
  }

  /** The id segment of a path under {@link #WITH_IDS}, as sent (still encoded). */
  private static String id(String uri) {
    for (String prefix : WITH_IDS) {
      if (uri.startsWith(prefix)) {
        String rest = uri.substring(prefix.length());
        int end = rest.indexOf('/');
        return end < 0 ? rest : rest.substring(0, end);
      }
    }
    return null;
  }

  /** The request, whose body stops at the limit. */
  private static final class Limited extends HttpServletRequestWrapper {

    private final long max;
    private ServletInputStream body;

    Limited(HttpServletRequest request, long max) {
      super(request);
      this.max = max;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (body == null) {
        body = new Counted(super.getInputStream(), max);
      }
      return body;
    }
  }

  private static final class Counted extends ServletInputStream {

    private final ServletInputStream in;
    private final long max;
    private long read;

    Counted(ServletInputStream in, long max) {
      this.in = in;
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws IOException {
      read += n;
      if (read > max) {
        throw new BodyTooLarge(max);
      }
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
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
