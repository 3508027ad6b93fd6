package dev.paved.testfixtures.pagerduty;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paved.testfixtures.StandIn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;

/**
 * A stand-in for PagerDuty's REST API v2, for what Paved reads: {@code GET /services/{id}} (with
 * its escalation policy reference) and {@code GET /oncalls} filtered by {@code
 * escalation_policy_ids[]}. It answers as PagerDuty documents: a request without {@code
 * Authorization: Token token=<token>} is 401 with PagerDuty's error object, an unknown service is
 * 404; the {@code Accept} header is recorded for tests to assert. Rate limits are injected with
 * {@link #failWhen} (429 with Retry-After).
 */
public final class FakePagerDuty extends StandIn {

  public static final String TOKEN = "u+standin_pagerduty_token";
  public static final String ACCEPT = "application/vnd.pagerduty+json;version=2";

  private final Map<String, ObjectNode> services = new LinkedHashMap<>();
  private final Map<String, String> policyNames = new LinkedHashMap<>();
  private final Map<String, List<String>> onCall = new LinkedHashMap<>();

  /** PagerDuty's address (its REST API's base URL). */
  public String url() {
    return baseUrl();
  }

  /** A service and the escalation policy it pages. */
  public synchronized void service(String id, String name, String policyId, String policyName) {
    ObjectNode service = JSON.createObjectNode();
    service.put("id", id).put("type", "service").put("summary", name).put("name", name);
    service.put("self", baseUrl() + "/services/" + id);
    service.put("html_url", "https://example.pagerduty.com/service-directory/" + id);
    service.put("status", "active").put("alert_creation", "create_alerts_and_incidents");
    ObjectNode policy = service.putObject("escalation_policy");
    policy.put("id", policyId).put("type", "escalation_policy_reference");
    policy.put("summary", policyName).put("self", baseUrl() + "/escalation_policies/" + policyId);
    service.putArray("teams");
    services.put(id, service);
    policyNames.put(policyId, policyName);
    onCall.putIfAbsent(policyId, new ArrayList<>());
  }

  /** Who is on call now for a policy (user ids); empty: nobody. */
  public synchronized void onCall(String policyId, List<String> userIds) {
    onCall.put(policyId, new ArrayList<>(userIds));
  }

  @Override
  protected MockResponse answer(Call call) {
    String auth = call.header("Authorization");
    if (!("Token token=" + TOKEN).equals(auth)) {
      return error(401, 2006, "Authentication failed");
    }
    if (!call.method().equals("GET")) {
      return unhandled(call, "{\"error\":{\"message\":\"Not Found\",\"code\":2100}}");
    }
    String path = call.path();
    if (path.startsWith("/services/")) {
      ObjectNode service = services.get(path.substring("/services/".length()));
      if (service == null) {
        return error(404, 2100, "Not Found");
      }
      ObjectNode body = JSON.createObjectNode();
      body.set("service", service.deepCopy());
      return json(200, body);
    }
    if (path.equals("/oncalls")) {
      return oncalls(call);
    }
    return unhandled(call, "{\"error\":{\"message\":\"Not Found\",\"code\":2100}}");
  }

  private MockResponse oncalls(Call call) {
    List<String> policies = new ArrayList<>();
    String query = call.query() == null ? "" : call.query();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0
          && java.net.URLDecoder.decode(
                  pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8)
              .equals("escalation_policy_ids[]")) {
        policies.add(
            java.net.URLDecoder.decode(
                pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = body.putArray("oncalls");
    for (Map.Entry<String, List<String>> policy : onCall.entrySet()) {
      if (!policies.isEmpty() && !policies.contains(policy.getKey())) {
        continue;
      }
      int level = 1;
      for (String user : policy.getValue()) {
        ObjectNode entry = list.addObject();
        ObjectNode ep = entry.putObject("escalation_policy");
        ep.put("id", policy.getKey()).put("type", "escalation_policy_reference");
        ep.put("summary", policyNames.getOrDefault(policy.getKey(), policy.getKey()));
        entry.put("escalation_level", level++);
        entry.putNull("schedule");
        ObjectNode u = entry.putObject("user");
        u.put("id", user).put("type", "user_reference").put("summary", "User " + user);
        entry.put("start", "2026-12-01T00:00:00Z").put("end", "2026-12-08T00:00:00Z");
      }
    }
    body.put("limit", 25).put("offset", 0).put("more", false).putNull("total");
    return json(200, body);
  }

  private static MockResponse error(int status, int code, String message) {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("error").put("message", message).put("code", code);
    return json(status, body);
  }
}
