package dev.paved.testfixtures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A stateful stand-in for another system's HTTP API on MockWebServer: it keeps what Paved made in
 * memory, records every request (so a test asserts what Paved sent), notes requests it has no route
 * for (a test asserts there were none), and answers chosen requests with an injected failure or a
 * {@link Fault} of its {@link #faults() plan}. It notes the time of each request, and what it made
 * (by kind: a test counts each resource exactly).
 */
public abstract class StandIn extends Dispatcher implements AutoCloseable {

  public static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One request as the stand-in received it.
   *
   * @param path the decoded path, without the query
   * @param query the raw query, or null
   * @param headers header names in lower case
   * @param at when the stand-in received it
   * @param fault the fault injected into its answer, or null
   */
  public record Call(
      String method,
      String path,
      String query,
      String body,
      okhttp3.Headers headers,
      Instant at,
      String fault) {

    /** {@code METHOD /path} (query left out). */
    public String line() {
      return method + " " + path;
    }

    /** {@code METHOD /path?query}, the query as sent. */
    public String target() {
      return query == null ? line() : line() + "?" + query;
    }

    /** A request header, or null. */
    public String header(String name) {
      return headers.get(name);
    }

    /** The body as JSON; an empty object when there is none. */
    public JsonNode json() {
      try {
        return body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    /** The value of a query parameter, or null. */
    public String queryParameter(String name) {
      HttpUrl url = HttpUrl.parse("http://x/" + (query == null ? "" : "?" + query));
      return url == null ? null : url.queryParameter(name);
    }
  }

  private static final class Failure {
    final String method;
    final Pattern path;
    final int status;
    final String body;
    final Map<String, String> headers;
    int left; // negative: for ever

    Failure(
        String method,
        Pattern path,
        int status,
        String body,
        Map<String, String> headers,
        int left) {
      this.method = method;
      this.path = path;
      this.status = status;
      this.body = body;
      this.headers = Map.copyOf(headers);
      this.left = left;
    }

    MockResponse response() {
      MockResponse.Builder response = json(status, body).newBuilder();
      headers.forEach(response::setHeader);
      return response.build();
    }
  }

  private final MockWebServer server = new MockWebServer();
  private final List<Call> calls = new ArrayList<>();
  private final List<String> unhandled = new ArrayList<>();
  private final List<Failure> failures = new ArrayList<>();
  private final Faults faults = new Faults(this);
  private final Map<String, List<String>> made = new LinkedHashMap<>();
  private final Clock clock = Clock.systemUTC();

  /** Starts the server on a free port of the loopback interface. */
  protected StandIn() {
    server.setDispatcher(this);
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://host:port}, without a trailing slash. */
  public String baseUrl() {
    String url = server.url("/").toString();
    return url.substring(0, url.length() - 1);
  }

  @Override
  public final synchronized MockResponse dispatch(RecordedRequest request) {
    HttpUrl url = request.getUrl();
    String path = url.encodedPath().isEmpty() ? "/" : decode(url.encodedPath());
    Instant at = clock.instant();
    Fault fault = faults.take(request.getMethod(), path, at);
    Call call =
        new Call(
            request.getMethod(),
            path,
            url.encodedQuery(),
            request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8),
            request.getHeaders(),
            at,
            fault == null ? null : fault.toString());
    calls.add(call);
    if (fault != null) {
      return typed(fault.answer(fault.serves() ? served(call) : null, clock));
    }
    for (Failure failure : failures) {
      if (failure.left != 0
          && failure.method.equals(call.method())
          && failure.path.matcher(call.path()).matches()) {
        failure.left--;
        return typed(failure.response());
      }
    }
    return served(call);
  }

  private MockResponse served(Call call) {
    try {
      return typed(answer(call));
    } catch (RuntimeException e) {
      // a bug of the stand-in must show in the test, not look like the other system's answer
      unhandled.add(call.line() + " failed in the stand-in: " + e);
      return json(500, "{\"message\":\"stand-in failed\"}");
    }
  }

  /**
   * The {@code Content-Type} of the system's JSON answers, exactly as it sends it: clients check it
   * (vault-java-driver refuses anything but {@code application/json}).
   */
  protected String jsonContentType() {
    return "application/json";
  }

  private MockResponse typed(MockResponse response) {
    // only JSON answers take the system's exact JSON type; raw media types stay as they are
    return !"application/json".equals(response.getHeaders().get("Content-Type"))
        ? response
        : response.newBuilder().setHeader("Content-Type", jsonContentType()).build();
  }

  /** The answer to a request no failure was injected for. */
  protected abstract MockResponse answer(Call call);

  /** Answers a request the stand-in has no route for with 404, and notes it. */
  protected final MockResponse unhandled(Call call, String body) {
    unhandled.add(call.line());
    return json(404, body);
  }

  /**
   * From now on answers {@code method} on paths matching {@code pathRegex} with {@code status} and
   * the JSON {@code body}, until {@link #clearFailures()}.
   */
  public synchronized void failWhen(String method, String pathRegex, int status, String body) {
    failWhen(method, pathRegex, status, body, Map.of());
  }

  /** As {@link #failWhen}, with headers the system sends along (rate limits, Retry-After). */
  public synchronized void failWhen(
      String method, String pathRegex, int status, String body, Map<String, String> headers) {
    failures.add(new Failure(method, Pattern.compile(pathRegex), status, body, headers, -1));
  }

  /** As {@link #failWhen}, for the next {@code times} such requests only. */
  public synchronized void failNext(
      int times, String method, String pathRegex, int status, String body) {
    failures.add(new Failure(method, Pattern.compile(pathRegex), status, body, Map.of(), times));
  }

  public synchronized void clearFailures() {
    failures.clear();
  }

  /** This stand-in's fault plan. */
  public Faults faults() {
    return faults;
  }

  /**
   * Requests that came before a fault's {@code Retry-After} (or rate-limit reset) allowed: a later
   * request with the same method and path, sent before the time the fault gave. A test expects
   * none.
   */
  public synchronized List<String> callsBeforeAllowed() {
    List<String> early = new ArrayList<>();
    for (Faults.Injected fault : faults.injected()) {
      if (fault.notBefore() == null) {
        continue;
      }
      for (Call call : calls) {
        if (call.line().equals(fault.line())
            && call.at().isAfter(fault.at())
            && call.at().isBefore(fault.notBefore())) {
          early.add(call.line() + " at " + call.at() + ", before " + fault.notBefore());
        }
      }
    }
    return early;
  }

  /** Notes that the stand-in made a resource of {@code kind} (for example "repository"). */
  protected final synchronized void made(String kind, String name) {
    made.computeIfAbsent(kind, k -> new ArrayList<>()).add(name);
  }

  /** The names of the resources of {@code kind} made so far, oldest first, repeated if remade. */
  public synchronized List<String> made(String kind) {
    return List.copyOf(made.getOrDefault(kind, List.of()));
  }

  /** How many resources of each kind were made so far. */
  public synchronized Map<String, Integer> madeCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    made.forEach((kind, names) -> counts.put(kind, names.size()));
    return counts;
  }

  /** Every request so far, oldest first. */
  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** {@code METHOD /path} of every request so far, oldest first. */
  public synchronized List<String> lines() {
    return calls.stream().map(Call::line).toList();
  }

  /** {@code METHOD /path?query} of every request so far, oldest first. */
  public synchronized List<String> targets() {
    return calls.stream().map(Call::target).toList();
  }

  /** The requests with this method and path, oldest first. */
  public synchronized List<Call> calls(String method, String path) {
    return calls.stream().filter(c -> c.method().equals(method) && c.path().equals(path)).toList();
  }

  /** The JSON body of the last request with this method and path (query left out). */
  public synchronized JsonNode lastBody(String method, String path) {
    List<Call> sent = calls(method, path);
    if (sent.isEmpty()) {
      throw new AssertionError("no " + method + " " + path + " among " + lines());
    }
    return sent.get(sent.size() - 1).json();
  }

  /** Requests the stand-in had no route for (or failed on): a test expects none. */
  public synchronized List<String> unhandled() {
    return List.copyOf(unhandled);
  }

  /** Forgets the requests recorded so far (not the state). */
  public synchronized void forgetCalls() {
    calls.clear();
    unhandled.clear();
  }

  @Override
  public void close() {
    server.close();
  }

  public static MockResponse json(int status, Object body) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json")
        .body(body instanceof String text ? text : body.toString())
        .build();
  }

  /** Parses JSON, for expectations written as text. */
  public static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + json, e);
    }
  }

  /** Parses JSON written with single quotes, for readable expectations. */
  public static JsonNode singleQuoted(String json) {
    return parse(json.replace('\'', '"'));
  }

  public static MockResponse empty(int status) {
    return new MockResponse.Builder().code(status).build();
  }

  private static String decode(String encodedPath) {
    return java.net.URLDecoder.decode(encodedPath.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
