package dev.paved.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Paved's REST API under /api/v1, signed in with the session's credentials. */
final class ApiClient {

  static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  private Credentials credentials;
  private final Consumer<Credentials> keep;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  ApiClient(Credentials credentials) {
    this(credentials, renewed -> {});
  }

  /**
   * @param keep told of an OIDC access token renewed with its refresh token (to store it)
   */
  ApiClient(Credentials credentials, Consumer<Credentials> keep) {
    this.credentials = credentials;
    this.keep = keep;
  }

  String url() {
    return credentials.url();
  }

  JsonNode get(String path) {
    return send("GET", path, null);
  }

  JsonNode post(String path, Object body) {
    return send("POST", path, body);
  }

  /** A query string of the parameters that are set, each encoded. */
  static String query(Map<String, ?> parameters) {
    Map<String, Object> set = new LinkedHashMap<>();
    parameters.forEach(
        (k, v) -> {
          if (v != null && !(v instanceof Boolean b && !b)) {
            set.put(k, v);
          }
        });
    if (set.isEmpty()) {
      return "";
    }
    return "?"
        + set.entrySet().stream()
            .map(e -> e.getKey() + "=" + encode(String.valueOf(e.getValue())))
            .collect(Collectors.joining("&"));
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * Reads a server-sent events stream line by line until it ends (the caller may stop it early by
   * returning false).
   */
  void stream(String path, Predicate<String> line) {
    HttpResponse<Stream<String>> response =
        exchange(
            () ->
                // no request timeout: a run may wait hours for approval; the connect one holds
                request(path, "text/event-stream, application/problem+json").GET().build(),
            HttpResponse.BodyHandlers.ofLines());
    try (Stream<String> lines = response.body()) {
      if (response.statusCode() / 100 != 2) {
        JsonNode answer = parse(lines.collect(Collectors.joining("\n")));
        throw new ApiException(response.statusCode(), answer, describe(response, answer));
      }
      Iterator<String> it = lines.iterator();
      while (it.hasNext() && line.test(it.next())) {
        // each line is handled by the predicate
      }
    } catch (UncheckedIOException e) {
      throw new CliException("the stream from Paved at " + credentials.url() + " broke: " + e);
    }
  }

  private JsonNode send(String method, String path, Object body) {
    HttpResponse<String> response =
        exchange(
            () -> {
              HttpRequest.Builder request =
                  request(path, "application/json, application/problem+json")
                      .timeout(Duration.ofSeconds(60));
              if (body == null) {
                return request.method(method, HttpRequest.BodyPublishers.noBody()).build();
              }
              return request
                  .header("Content-Type", "application/json")
                  .method(method, HttpRequest.BodyPublishers.ofString(json(body)))
                  .build();
            },
            HttpResponse.BodyHandlers.ofString());
    JsonNode answer = parse(response.body());
    if (response.statusCode() / 100 != 2) {
      throw new ApiException(response.statusCode(), answer, describe(response, answer));
    }
    return answer;
  }

  private HttpRequest.Builder request(String path, String accept) {
    return HttpRequest.newBuilder(URI.create(credentials.url() + "/api/v1" + path))
        .header("Accept", accept)
        .header("Authorization", authorization(credentials));
  }

  /**
   * Sends the request, first renewing an OIDC access token that is expiring, and once more with a
   * renewed one when Paved answers 401 to it.
   */
  private <T> HttpResponse<T> exchange(
      Supplier<HttpRequest> request, HttpResponse.BodyHandler<T> handler) {
    if (!credentials.signedIn()) {
      throw new CliException(
          "not signed in to " + credentials.url() + ": run 'paved login' (or set PAVED_TOKEN)");
    }
    Credentials.Issuer issuer = credentials.issuer();
    if (issuer != null && issuer.expiring(Instant.now())) {
      renew();
    }
    HttpResponse<T> response = call(request.get(), handler);
    if (response.statusCode() == 401
        && credentials.issuer() != null
        && issuer == credentials.issuer()) {
      renew();
      response = call(request.get(), handler);
    }
    return response;
  }

  private void renew() {
    Credentials.Issuer issuer = credentials.issuer();
    if (issuer.refreshToken() == null) {
      throw signInAgain();
    }
    DeviceFlow.Tokens tokens = new DeviceFlow(d -> {}).refresh(issuer);
    if (tokens == null) {
      throw signInAgain();
    }
    credentials =
        credentials.renewed(
            tokens.accessToken(),
            new Credentials.Issuer(
                issuer.tokenEndpoint(),
                issuer.clientId(),
                tokens.refreshToken(),
                tokens.expiresAt()));
    keep.accept(credentials);
  }

  private CliException signInAgain() {
    return new CliException(
        "your sign-in to " + credentials.url() + " has expired: run 'paved login' again");
  }

  private <T> HttpResponse<T> call(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return http.send(request, handler);
    } catch (ConnectException e) {
      throw new CliException(
          "cannot reach Paved at " + credentials.url() + " (is it running? './paved up')");
    } catch (IOException e) {
      throw new CliException("talking to Paved at " + credentials.url() + " failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted");
    }
  }

  private static String json(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static String authorization(Credentials credentials) {
    if (Credentials.isSet(credentials.token())) {
      return "Bearer " + credentials.token();
    }
    String pair =
        credentials.user() + ":" + (credentials.password() == null ? "" : credentials.password());
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return JSON.getNodeFactory().textNode(body);
    }
  }

  private static String describe(HttpResponse<?> response, JsonNode problem) {
    if (response.statusCode() == 401) {
      return "Paved did not accept the credentials (401): run 'paved login' again";
    }
    String detail = problem.path("detail").asText(problem.path("title").asText(""));
    return detail.isEmpty()
        ? "Paved answered " + response.statusCode()
        : detail + " (" + response.statusCode() + ")";
  }
}
