package dev.paved.activities.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paved.activities.support.RetryAfter;
import dev.paved.activities.support.StepFailures;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Grafana's HTTP API over OkHttp with the service account token as a bearer token. Answers come
 * back whatever their status; {@link #check} turns the failures into step failures. A 429 or 5xx
 * with {@code Retry-After} (Grafana's own rate limits, or a proxy in front of it) waits as long as
 * it asks before the next attempt; no answer in time, or a connection reset, is retried.
 */
final class GrafanaApi {

  /**
   * Grafana's answer: its status, its JSON body (missing when it had none) and its {@code
   * Retry-After} (null when none).
   */
  record Answer(int status, JsonNode body, String retryAfter) {

    Answer(int status, JsonNode body) {
      this(status, body, null);
    }

    /** Grafana's {@code message}, for failure texts. */
    String message() {
      return body.path("message").asText("");
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json");

  /** The longest wait a {@code Retry-After} may set; a longer one is taken as this. */
  static final Duration LONGEST_WAIT = RetryAfter.LONGEST_WAIT;

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private final HttpUrl base;
  private final String token;
  private final OkHttpClient http;

  GrafanaApi(GrafanaSettings settings) {
    this(settings, READ_TIMEOUT);
  }

  /** With another read timeout, for tests of answers that come too late. */
  GrafanaApi(GrafanaSettings settings, Duration readTimeout) {
    HttpUrl parsed = HttpUrl.parse(settings.url());
    if (parsed == null) {
      throw new IllegalArgumentException("not an http(s) address for Grafana: " + settings.url());
    }
    this.base = parsed;
    this.token = settings.token();
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(readTimeout)
            .callTimeout(Duration.ofSeconds(60))
            .build();
  }

  Answer get(String path) {
    return send(request(path).get().build(), "GET " + path);
  }

  Answer post(String path, JsonNode body) {
    RequestBody json = RequestBody.create(body.toString(), JSON_TYPE);
    return send(request(path).post(json).build(), "POST " + path);
  }

  Answer delete(String path) {
    return send(request(path).delete().build(), "DELETE " + path);
  }

  /** The absolute address of a path Grafana answered with (such as a dashboard's {@code url}). */
  String absolute(String urlPath) {
    HttpUrl resolved = base.resolve(urlPath);
    return resolved == null ? urlPath : resolved.toString();
  }

  String address() {
    return base.toString();
  }

  /**
   * Returns when the status is one of {@code ok}; otherwise 401/403 are Unauthorized, 400
   * InvalidInput, 5xx and 429 a retryable Unavailable, anything else an unexpected error.
   */
  void check(String what, Answer answer, int... ok) {
    int status = answer.status();
    for (int expected : ok) {
      if (status == expected) {
        return;
      }
    }
    String detail = answer.message().isBlank() ? "" : ": " + answer.message();
    if (status == 401 || status == 403) {
      throw StepFailures.unauthorized(
          "Grafana refused to "
              + what
              + " ("
              + status
              + ")"
              + detail
              + "; check PAVED_GRAFANA_TOKEN and its service account's role");
    }
    if (status == 400) {
      throw StepFailures.invalidInput("Grafana refused to " + what + " (400)" + detail);
    }
    if (status >= 500 || status == 429) {
      String message = "Grafana at " + base + " answered " + status + "; could not " + what;
      Optional<Duration> wait = retryAfter(answer.retryAfter(), Instant.now());
      if (wait.isEmpty()) {
        throw StepFailures.unavailable(message, null);
      }
      ApplicationFailure failure =
          StepFailures.unavailable(
              message + "; Grafana asks to wait " + wait.get().toSeconds() + " s", null);
      failure.setNextRetryDelay(wait.get());
      throw failure;
    }
    throw new IllegalStateException("Grafana answered " + status + " to " + what + detail);
  }

  /** {@code path} below Grafana's address, with an optional {@code ?query}. */
  private Request.Builder request(String path) {
    int query = path.indexOf('?');
    HttpUrl.Builder url = base.newBuilder();
    if (query < 0) {
      url.addPathSegments(path);
    } else {
      url.addPathSegments(path.substring(0, query)).encodedQuery(path.substring(query + 1));
    }
    return new Request.Builder()
        .url(url.build())
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
  }

  private Answer send(Request request, String what) {
    try (Response response = http.newCall(request).execute()) {
      ResponseBody body = response.body();
      String text = body == null ? "" : body.string();
      return new Answer(response.code(), parse(text), response.header("Retry-After"));
    } catch (IOException e) {
      throw StepFailures.unavailable("Grafana at " + base + " did not answer to " + what, null);
    }
  }

  static Optional<Duration> retryAfter(String value, Instant now) {
    return RetryAfter.parse(value, now);
  }

  private static JsonNode parse(String text) {
    if (text.isBlank()) {
      return JSON.missingNode();
    }
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return JSON.missingNode();
    }
  }
}
