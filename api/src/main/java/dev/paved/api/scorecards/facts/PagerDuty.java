package dev.paved.api.scorecards.facts;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * PagerDuty's REST API v2, for what the on-call facts need: a service's escalation policy, and who
 * is on call for it now. The token goes in the {@code Authorization} header only; no message of
 * this class holds it.
 */
final class PagerDuty {

  /**
   * The escalation policy of a service, or why there is none to ask about.
   *
   * @param absent PagerDuty answered that the service, or its policy, does not exist (a real gap,
   *     unlike a refused token)
   */
  record Policy(String id, String name, String refusal, boolean absent) {}

  /**
   * Who is on call now.
   *
   * @param oncalls entries for the policy now (each a user at a level)
   * @param refusal why PagerDuty did not say (a refused token), or null
   */
  record OnCall(int oncalls, String refusal) {}

  private static final String SOURCE = "PagerDuty";

  private final String apiUrl;
  private final String token;
  private final HttpClient http = HttpAnswers.client();

  PagerDuty(String apiUrl, String token) {
    this.apiUrl = HttpAnswers.stripSlash(apiUrl);
    this.token = token;
  }

  Policy policyOf(String serviceId) {
    HttpResponse<String> answer = get("/services/" + encode(serviceId));
    return switch (answer.statusCode()) {
      case 200 -> {
        JsonNode policy =
            HttpAnswers.json(answer, SOURCE).path("service").path("escalation_policy");
        yield policy.path("id").isTextual()
            ? new Policy(
                policy.path("id").asText(), policy.path("summary").asText(null), null, false)
            : new Policy(
                null, null, "PagerDuty's service " + serviceId + " has no escalation policy", true);
      }
      case 404 -> new Policy(null, null, "PagerDuty has no service " + serviceId, true);
      default -> new Policy(null, null, refusal(answer), false);
    };
  }

  OnCall onCallFor(String policyId) {
    HttpResponse<String> answer =
        get("/oncalls?" + encode("escalation_policy_ids[]") + "=" + encode(policyId));
    if (answer.statusCode() == 200) {
      JsonNode oncalls = HttpAnswers.json(answer, SOURCE).path("oncalls");
      int count = 0;
      for (JsonNode oncall : oncalls) {
        if (oncall.path("user").path("id").isTextual()) {
          count++;
        }
      }
      return new OnCall(count, null);
    }
    return new OnCall(0, refusal(answer));
  }

  /** 401, 403: the token is refused, which retrying does not mend; 429 and 5xx are retried. */
  private static String refusal(HttpResponse<String> answer) {
    int status = answer.statusCode();
    if (status == 401 || status == 403) {
      String message = "refused";
      try {
        message =
            Optional.ofNullable(
                    HttpAnswers.JSON
                        .readTree(answer.body())
                        .path("error")
                        .path("message")
                        .asText(null))
                .orElse(message);
      } catch (java.io.IOException notJson) {
        // the status says enough
      }
      return "PagerDuty refused the token (" + status + " " + message + ")";
    }
    if (status == 429 || status >= 500) {
      throw HttpAnswers.unanswered(answer, SOURCE);
    }
    return "PagerDuty answered " + status;
  }

  private HttpResponse<String> get(String pathAndQuery) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(apiUrl + pathAndQuery))
            .timeout(HttpAnswers.TIMEOUT)
            .header("Authorization", "Token token=" + token)
            .header("Accept", "application/vnd.pagerduty+json;version=2")
            .GET()
            .build();
    return HttpAnswers.send(http, request, SOURCE);
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8);
  }
}
