package dev.paved.api.scorecards.facts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Sending a request to a source and reading its JSON answer; what goes wrong says which source. */
final class HttpAnswers {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration TIMEOUT = Duration.ofSeconds(20);

  private HttpAnswers() {}

  static HttpClient client() {
    return HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** The answer; a source that cannot be reached did not answer. */
  static HttpResponse<String> send(HttpClient client, HttpRequest request, String source) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new SourceUnanswered(source + " did not answer: " + e.getClass().getSimpleName(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceUnanswered(source + ": interrupted", null);
    }
  }

  static JsonNode json(HttpResponse<String> answer, String source) {
    try {
      return JSON.readTree(answer.body());
    } catch (IOException e) {
      throw new SourceUnanswered(source + " answered something that is not JSON", null);
    }
  }

  /** A 429 or 5xx: worth retrying, after the {@code Retry-After} seconds it gave. */
  static SourceUnanswered unanswered(HttpResponse<String> answer, String source) {
    Duration after =
        answer.headers().firstValue("Retry-After").flatMap(HttpAnswers::seconds).orElse(null);
    return new SourceUnanswered(
        source
            + " answered "
            + answer.statusCode()
            + (after == null ? "" : ", retry after " + after.toSeconds() + " s"),
        after);
  }

  private static Optional<Duration> seconds(String value) {
    try {
      long s = Long.parseLong(value.strip());
      return s >= 0 ? Optional.of(Duration.ofSeconds(s)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
