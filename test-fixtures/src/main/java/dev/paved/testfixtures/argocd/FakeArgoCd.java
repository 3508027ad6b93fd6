package dev.paved.testfixtures.argocd;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paved.testfixtures.StandIn;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;

/**
 * A stand-in for Argo CD's API, for what Paved reads: {@code GET /api/v1/applications/{name}} with
 * its {@code status.history}. Without {@code Authorization: Bearer <token>} it answers 401 {@code
 * {"error":"no session information","code":16}}; an unknown application is 403 "permission denied",
 * as Argo CD answers so as not to tell which applications exist, or 404 after {@link
 * #notFoundAs404} (as older versions answer).
 */
public final class FakeArgoCd extends StandIn {

  public static final String TOKEN = "argocd.standin.jwt";

  private final Map<String, List<Instant>> history = new LinkedHashMap<>();
  private boolean notFoundAs404;

  /** Argo CD's address. */
  public String url() {
    return baseUrl();
  }

  /** An application and when it was deployed (oldest first, as Argo CD keeps them). */
  public synchronized void application(String name, List<Instant> deployedAt) {
    history.put(name, List.copyOf(deployedAt));
  }

  /** Answers an unknown application with 404 (older Argo CD) rather than 403. */
  public synchronized void notFoundAs404() {
    notFoundAs404 = true;
  }

  @Override
  protected MockResponse answer(Call call) {
    if (!("Bearer " + TOKEN).equals(call.header("Authorization"))) {
      return json(
          401,
          "{\"error\":\"no session information\",\"code\":16,\"message\":\"no session information\"}");
    }
    String prefix = "/api/v1/applications/";
    if (!call.method().equals("GET") || !call.path().startsWith(prefix)) {
      return unhandled(call, "{\"error\":\"Not Found\",\"code\":5}");
    }
    String name = call.path().substring(prefix.length());
    List<Instant> deployed = history.get(name);
    if (deployed == null) {
      String message = "application \\\"" + name + "\\\" not found";
      return notFoundAs404
          ? json(404, "{\"error\":\"" + message + "\",\"code\":5,\"message\":\"" + message + "\"}")
          : json(
              403,
              "{\"error\":\"permission denied\",\"code\":7,\"message\":\"permission denied\"}");
    }
    ObjectNode app = JSON.createObjectNode();
    ObjectNode metadata = app.putObject("metadata");
    metadata.put("name", name).put("namespace", "argocd");
    app.putObject("spec").putObject("source").put("repoURL", "https://github.com/platform/gitops");
    ObjectNode status = app.putObject("status");
    ArrayNode entries = status.putArray("history");
    long id = 0;
    for (Instant at : deployed) {
      ObjectNode entry = entries.addObject();
      entry.put("revision", String.format("%040x", ++id));
      entry.put("deployedAt", at.toString());
      entry.put("id", id);
      entry.put("deployStartedAt", at.minusSeconds(20).toString());
    }
    status.putObject("sync").put("status", "Synced");
    status.putObject("health").put("status", "Healthy");
    return json(200, app);
  }
}
