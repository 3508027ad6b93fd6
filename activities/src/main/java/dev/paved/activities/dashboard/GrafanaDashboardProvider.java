package dev.paved.activities.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paved.activities.dashboard.GrafanaApi.Answer;
import dev.paved.activities.support.Effects;
import dev.paved.activities.support.ServiceHealth;
import dev.paved.activities.support.StepFailures;
import dev.paved.workflows.steps.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Dashboards in Grafana through its HTTP API: each in its owning team's folder (made if absent and
 * left in place by an undo: the team shares it), under the service's stable uid, marked with the
 * service and the run that made it ({@link GrafanaMarker}). A dashboard under that uid that is not
 * this service's is a Conflict, never overwritten.
 */
public final class GrafanaDashboardProvider implements DashboardProvider {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final GrafanaApi api;

  public GrafanaDashboardProvider(GrafanaSettings settings) {
    this.api = new GrafanaApi(settings);
  }

  /**
   * Creates the dashboard with {@code overwrite: false}. Grafana answers 412 when the uid (or the
   * title in the folder) is taken: the existing dashboard is then updated at its version if it is
   * this service's, keeping the run that made it.
   */
  @Override
  public PublishedDashboard publish(DashboardRequest request) {
    String folder = folder(team(request.owner()));
    String effect = effect(request.uid());
    Effects.intend(effect);
    try {
      PublishedDashboard published = saveOrUpdate(request, folder);
      Effects.made(effect);
      return published;
    } catch (ApplicationFailure refused) {
      if (FailureTypes.CONFLICT.equals(refused.getType())) {
        Effects.notMade(effect); // another's dashboard: this call made nothing
      }
      throw refused;
    }
  }

  /** What the step reports it made (the folder is the team's, never undone). */
  static String effect(String uid) {
    return "grafana dashboard " + uid;
  }

  private PublishedDashboard saveOrUpdate(DashboardRequest request, String folder) {
    GrafanaMarker mine = new GrafanaMarker(request.serviceKey(), request.runId());
    Answer saved = save(mine.on(request.dashboard()), folder, request.runId());
    if (saved.status() == 412) {
      JsonNode existing =
          find(request.uid())
              .orElseThrow(
                  () ->
                      StepFailures.conflict(
                          "Grafana has another dashboard titled '"
                              + request.title()
                              + "' in folder "
                              + folder
                              + " ("
                              + saved.message()
                              + ")"));
      GrafanaMarker marker =
          GrafanaMarker.of(existing)
              .filter(m -> m.isFor(request.serviceKey()))
              .orElseThrow(
                  () ->
                      StepFailures.conflict(
                          "Grafana dashboard "
                              + request.uid()
                              + " exists and was not made for "
                              + request.serviceKey()));
      ObjectNode update = marker.on(request.dashboard());
      update.set("id", existing.path("id"));
      update.put("version", existing.path("version").asLong());
      Answer updated = save(update, folder, request.runId());
      if (updated.status() == 412) {
        if ("version-mismatch".equals(updated.body().path("status").asText())) {
          throw StepFailures.unavailable(
              "Grafana dashboard " + request.uid() + " changed while Paved updated it", null);
        }
        throw StepFailures.conflict(
            "Grafana refused to update dashboard " + request.uid() + ": " + updated.message());
      }
      return published(request, updated);
    }
    return published(request, saved);
  }

  /** Deletes the dashboard only when its marker names this service and this run. */
  @Override
  public void delete(DashboardRequest request) {
    Optional<GrafanaMarker> marker = find(request.uid()).flatMap(GrafanaMarker::of);
    if (marker.isEmpty()
        || !marker.get().isFor(request.serviceKey())
        || !marker.get().runId().equals(request.runId())) {
      return;
    }
    String path = "api/dashboards/uid/" + request.uid();
    api.check("delete dashboard " + request.uid(), api.delete(path), 200, 404);
  }

  /** {@code GET /api/health}: up when Grafana and its database answer. */
  public ServiceHealth health() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("url", api.address());
    try {
      Answer answer = api.get("api/health");
      details.put("status", answer.status());
      details.put("database", answer.body().path("database").asText("unknown"));
      if (answer.body().has("version")) {
        details.put("version", answer.body().path("version").asText());
      }
      return new ServiceHealth(answer.status() == 200, details);
    } catch (RuntimeException e) {
      details.put("error", "no answer");
      return new ServiceHealth(false, details);
    }
  }

  private Answer save(ObjectNode dashboard, String folderUid, String runId) {
    ObjectNode body = JSON.createObjectNode();
    body.set("dashboard", dashboard);
    body.put("folderUid", folderUid);
    body.put("overwrite", false);
    body.put("message", "Saved by Paved run " + runId);
    Answer answer = api.post("api/dashboards/db", body);
    if (answer.status() != 200
        && answer.status() != 412
        && Effects.refusedWithoutMaking(answer.status())) {
      Effects.notMade(effect(dashboard.path("uid").asText()));
    }
    if (answer.status() != 412) {
      api.check("save dashboard " + dashboard.path("uid").asText(), answer, 200);
    }
    return answer;
  }

  private PublishedDashboard published(DashboardRequest request, Answer saved) {
    String path = saved.body().path("url").asText("/d/" + request.uid());
    return new PublishedDashboard(request.uid(), path, request.title(), api.absolute(path));
  }

  /** The dashboard under {@code uid} (its model, with {@code id} and {@code version}), or empty. */
  private Optional<JsonNode> find(String uid) {
    Answer answer = api.get("api/dashboards/uid/" + uid);
    if (answer.status() == 404) {
      return Optional.empty();
    }
    api.check("read dashboard " + uid, answer, 200);
    return Optional.of(answer.body().path("dashboard"));
  }

  /**
   * The team's folder uid: Paved's stable one, made if absent; or, when Grafana already has a
   * folder with the team's name (409), that folder's.
   */
  private String folder(String team) {
    String uid = ServiceDashboard.folderUid(team);
    Answer found = api.get("api/folders/" + uid);
    if (found.status() == 200) {
      return uid;
    }
    api.check("read folder " + uid, found, 404);
    ObjectNode body = JSON.createObjectNode().put("uid", uid).put("title", team);
    Answer made = api.post("api/folders", body);
    if (made.status() == 200) {
      return uid;
    }
    if (made.status() != 409 && made.status() != 412) {
      api.check("make folder " + uid, made, 200);
    }
    Answer all = api.get("api/folders?limit=1000");
    api.check("list folders", all, 200);
    for (JsonNode folder : all.body()) {
      if (team.equals(folder.path("title").asText()) || uid.equals(folder.path("uid").asText())) {
        return folder.path("uid").asText();
      }
    }
    throw StepFailures.conflict(
        "Grafana refused folder " + uid + " for " + team + ": " + made.message());
  }

  /** {@code group:default/team-payments} or {@code team-payments} → {@code team-payments}. */
  static String team(String owner) {
    String bare = owner.trim();
    bare = bare.substring(bare.indexOf(':') + 1);
    return bare.substring(bare.lastIndexOf('/') + 1);
  }
}
