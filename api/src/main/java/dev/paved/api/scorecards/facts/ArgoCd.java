package dev.paved.api.scorecards.facts;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Argo CD's API, for when an application was last deployed: the newest {@code
 * status.history[].deployedAt} of {@code GET /api/v1/applications/{name}}, with a bearer token that
 * no message of this class holds.
 */
final class ArgoCd {

  /**
   * What Argo CD said.
   *
   * @param deployedAt the newest deployment, or null
   * @param why when there is none: why
   */
  record Deployed(Instant deployedAt, String why) {}

  private static final String SOURCE = "Argo CD";

  private final String url;
  private final String token;
  private final HttpClient http = HttpAnswers.client();

  ArgoCd(String url, String token) {
    this.url = HttpAnswers.stripSlash(url);
    this.token = token;
  }

  Deployed lastDeployed(String application) {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    url
                        + "/api/v1/applications/"
                        + URLEncoder.encode(application, StandardCharsets.UTF_8)))
            .timeout(HttpAnswers.TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<String> answer = HttpAnswers.send(http, request, SOURCE);
    int status = answer.statusCode();
    if (status == 200) {
      Instant newest = null;
      for (JsonNode entry : HttpAnswers.json(answer, SOURCE).path("status").path("history")) {
        Instant at = instant(entry.path("deployedAt").asText(""));
        if (at != null && (newest == null || at.isAfter(newest))) {
          newest = at;
        }
      }
      return newest == null
          ? new Deployed(null, "Argo CD application " + application + " has no deployment history")
          : new Deployed(newest, null);
    }
    if (status == 404) {
      return new Deployed(null, "Argo CD has no application " + application);
    }
    if (status == 401) {
      return new Deployed(null, "Argo CD refused the token (401)");
    }
    if (status == 403) {
      // Argo CD answers an application that does not exist as one the token may not read
      return new Deployed(
          null, "Argo CD has no application " + application + " the token may read (403)");
    }
    if (status == 429 || status >= 500) {
      throw HttpAnswers.unanswered(answer, SOURCE);
    }
    return new Deployed(null, "Argo CD answered " + status);
  }

  private static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
