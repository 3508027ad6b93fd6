package dev.paved.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Paved's REST API under /api/v1, signed in with the session's credentials. */
final class ApiClient {

  static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  private final Credentials credentials;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  ApiClient(Credentials credentials) {
    this.credentials = credentials;
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

  private JsonNode send(String method, String path, Object body) {
    if (!credentials.signedIn()) {
      throw new CliException(
          "not signed in to " + credentials.url() + ": run 'paved login' (or set PAVED_TOKEN)");
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(credentials.url() + "/api/v1" + path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json, application/problem+json")
            .header("Authorization", authorization(credentials));
    try {
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode answer = parse(response.body());
      if (response.statusCode() / 100 != 2) {
        throw new ApiException(response.statusCode(), answer, describe(response, answer));
      }
      return answer;
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

  private static String describe(HttpResponse<String> response, JsonNode problem) {
    if (response.statusCode() == 401) {
      return "Paved did not accept the credentials (401): run 'paved login' again";
    }
    String detail = problem.path("detail").asText(problem.path("title").asText(""));
    return detail.isEmpty()
        ? "Paved answered " + response.statusCode()
        : detail + " (" + response.statusCode() + ")";
  }
}
