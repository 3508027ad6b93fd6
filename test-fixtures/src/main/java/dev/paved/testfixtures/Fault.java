package dev.paved.testfixtures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;

/**
 * One way another system misbehaves on one request: an error status (with the headers it sends,
 * such as {@code Retry-After}), a slow answer (the request is served, the answer comes late), or a
 * connection reset (the request is read and not served, the connection closed without an answer). A
 * fault may tell the client when to come back ({@link #notBefore}); the stand-in keeps that time so
 * a test can show no later call came earlier.
 */
public final class Fault {

  private enum Kind {
    STATUS,
    SLOW,
    RESET
  }

  private final Kind kind;
  private final int status;
  private final String body;
  private final Map<String, String> headers;
  private final Duration delay;
  private final Duration retryAfter;
  private final Duration resetIn;

  private Fault(
      Kind kind,
      int status,
      String body,
      Map<String, String> headers,
      Duration delay,
      Duration retryAfter,
      Duration resetIn) {
    this.kind = kind;
    this.status = status;
    this.body = body;
    this.headers = Map.copyOf(headers);
    this.delay = delay;
    this.retryAfter = retryAfter;
    this.resetIn = resetIn;
  }

  /** An error answer with a JSON body naming the status. */
  public static Fault status(int status) {
    return new Fault(
        Kind.STATUS,
        status,
        "{\"message\":\"fault injected: " + status + "\",\"errors\":[\"fault injected\"]}",
        Map.of(),
        null,
        null,
        null);
  }

  /** {@code status} (429 or 503) with {@code Retry-After: seconds}. */
  public static Fault retryAfter(int status, long seconds) {
    Fault fault = status(status).header("Retry-After", String.valueOf(seconds));
    return new Fault(
        Kind.STATUS,
        fault.status,
        fault.body,
        fault.headers,
        null,
        Duration.ofSeconds(seconds),
        null);
  }

  /**
   * GitHub's secondary rate limit as documented: 403 with {@code Retry-After}, {@code
   * x-ratelimit-remaining: 0} and {@code x-ratelimit-reset} at the same time (epoch seconds).
   */
  public static Fault githubSecondaryLimit(long seconds) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Retry-After", String.valueOf(seconds));
    headers.put("x-ratelimit-limit", "5000");
    headers.put("x-ratelimit-remaining", "0");
    headers.put("x-ratelimit-used", "5000");
    headers.put("x-ratelimit-resource", "core");
    return new Fault(
        Kind.STATUS,
        403,
        "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before"
            + " you try again.\",\"documentation_url\":\"https://docs.github.com/rest/overview/"
            + "rate-limits-for-the-rest-api#about-secondary-rate-limits\",\"status\":\"403\"}",
        headers,
        null,
        Duration.ofSeconds(seconds),
        Duration.ofSeconds(seconds));
  }

  /** The request is served as usual, but its answer starts only after {@code delay}. */
  public static Fault slow(Duration delay) {
    return new Fault(Kind.SLOW, 0, "", Map.of(), delay, null, null);
  }

  /** The connection is closed once the request is read, without an answer; nothing is served. */
  public static Fault reset() {
    return new Fault(Kind.RESET, 0, "", Map.of(), null, null, null);
  }

  /** This fault with one more header on its answer. */
  public Fault header(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Fault(kind, status, body, more, delay, retryAfter, resetIn);
  }

  /** This fault with another JSON body. */
  public Fault body(String json) {
    return new Fault(kind, status, json, headers, delay, retryAfter, resetIn);
  }

  /** Whether the request is served (as with a slow answer) rather than refused. */
  boolean serves() {
    return kind == Kind.SLOW;
  }

  /**
   * The earliest time the client may send again after this fault answered at {@code at}: {@code
   * Retry-After}, or {@code x-ratelimit-reset} (which is whole seconds, rounded up); null when the
   * fault names none.
   */
  Instant notBefore(Instant at) {
    Instant after = retryAfter == null ? null : at.plus(retryAfter);
    Instant reset = resetIn == null ? null : resetAt(at);
    if (after == null) {
      return reset;
    }
    return reset == null || after.isAfter(reset) ? after : reset;
  }

  private Instant resetAt(Instant at) {
    return Instant.ofEpochSecond(at.plus(resetIn).getEpochSecond() + 1);
  }

  /** The answer to a request this fault hits, given the answer the stand-in would give. */
  MockResponse answer(MockResponse usual, Clock clock) {
    return switch (kind) {
      case SLOW -> usual.newBuilder().headersDelay(delay.toMillis(), TimeUnit.MILLISECONDS).build();
      case RESET ->
          StandIn.empty(500).newBuilder().onResponseStart(new SocketEffect.CloseSocket()).build();
      case STATUS -> {
        MockResponse.Builder response = StandIn.json(status, body).newBuilder();
        headers.forEach(response::setHeader);
        if (resetIn != null) {
          response.setHeader(
              "x-ratelimit-reset", String.valueOf(resetAt(clock.instant()).getEpochSecond()));
        }
        yield response.build();
      }
    };
  }

  @Override
  public String toString() {
    return switch (kind) {
      case SLOW -> "slow answer (" + delay.toMillis() + " ms)";
      case RESET -> "connection reset";
      case STATUS ->
          status
              + (retryAfter == null ? "" : " Retry-After " + retryAfter.toSeconds() + "s")
              + (resetIn == null ? "" : " x-ratelimit-reset");
    };
  }
}
