package dev.paved.activities.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A stand-in Grafana answering as its HTTP API documents: folders, dashboards by uid (412
 * version-mismatch and name-exists on a create without overwrite), api/health, and 401 for a wrong
 * bearer token. It records every request; {@link #failWith} answers the next calls with a status.
 */
final class FakeGrafana extends Dispatcher implements AutoCloseable {

  static final String TOKEN = "glsa_paved_token";
  static final ObjectMapper JSON = new ObjectMapper();

  final MockWebServer server = new MockWebServer();
  final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
  final Map<String, ObjectNode> folders = new LinkedHashMap<>();
  final Map<String, ObjectNode> dashboards = new LinkedHashMap<>();
  final Map<String, String> dashboardFolders = new LinkedHashMap<>();
  volatile int failWith;
  private int nextId = 1;

  FakeGrafana() throws IOException {
    server.setDispatcher(this);
    server.start();
  }

  String url() {
    String url = server.url("/").toString();
    return url.substring(0, url.length() - 1);
  }

  @Override
  public void close() {
    server.close();
  }

  @Override
  public synchronized MockResponse dispatch(RecordedRequest request) {
    requests.add(request);
    String path = request.getUrl().encodedPath();
    String method = request.getMethod();
    if (path.equals("/api/health")) {
      return failWith != 0
          ? message(failWith, "database unavailable")
          : json(
              200,
              JSON.createObjectNode()
                  .put("commit", "abc")
                  .put("database", "ok")
                  .put("version", "11.3.0"));
    }
    if (failWith != 0) {
      return message(failWith, failWith >= 500 ? "Internal Server Error" : "failed");
    }
    if (!("Bearer " + TOKEN).equals(request.getHeaders().get("Authorization"))) {
      return message(401, "Invalid API key");
    }
    if (path.equals("/api/folders") && method.equals("GET")) {
      ArrayNode list = JSON.createArrayNode();
      folders
          .values()
          .forEach(
              f ->
                  list.addObject()
                      .put("id", f.path("id").asInt())
                      .put("uid", f.path("uid").asText())
                      .put("title", f.path("title").asText()));
      return json(200, list);
    }
    if (path.equals("/api/folders") && method.equals("POST")) {
      return makeFolder(body(request));
    }
    if (path.startsWith("/api/folders/") && method.equals("GET")) {
      ObjectNode folder = folders.get(path.substring("/api/folders/".length()));
      return folder == null ? notFound("folder not found") : json(200, folder);
    }
    if (path.equals("/api/dashboards/db") && method.equals("POST")) {
      return save(body(request));
    }
    if (path.startsWith("/api/dashboards/uid/")) {
      String uid = path.substring("/api/dashboards/uid/".length());
      ObjectNode dashboard = dashboards.get(uid);
      if (dashboard == null) {
        return notFound("Dashboard not found");
      }
      if (method.equals("DELETE")) {
        dashboards.remove(uid);
        return json(
            200,
            JSON.createObjectNode()
                .put("title", dashboard.path("title").asText())
                .put("message", "Dashboard " + dashboard.path("title").asText() + " deleted")
                .put("id", dashboard.path("id").asInt()));
      }
      ObjectNode body = JSON.createObjectNode();
      body.set("dashboard", dashboard);
      ObjectNode meta = body.putObject("meta");
      meta.put("url", "/d/" + uid + "/" + slug(dashboard.path("title").asText()));
      meta.put("folderUid", dashboardFolders.get(uid));
      meta.put("canSave", true);
      return json(200, body);
    }
    return notFound("Not found");
  }

  ObjectNode folder(String uid, String title) {
    ObjectNode folder = JSON.createObjectNode();
    folder.put("id", nextId++).put("uid", uid).put("title", title);
    folder.put("url", "/dashboards/f/" + uid + "/" + slug(title)).put("hasAcl", false);
    folder.put("canSave", true).put("version", 1);
    folders.put(uid, folder);
    return folder;
  }

  private MockResponse makeFolder(JsonNode body) {
    String uid = body.path("uid").asText();
    String title = body.path("title").asText();
    if (folders.containsKey(uid)) {
      return message(409, "a folder with the same uid already exists");
    }
    if (folders.values().stream().anyMatch(f -> f.path("title").asText().equals(title))) {
      return message(409, "a folder with the same name already exists");
    }
    return json(200, folder(uid, title));
  }

  private MockResponse save(JsonNode body) {
    ObjectNode dashboard = ((ObjectNode) body.path("dashboard")).deepCopy();
    String uid = dashboard.path("uid").asText();
    String folder = body.path("folderUid").asText();
    boolean overwrite = body.path("overwrite").asBoolean();
    ObjectNode existing = dashboards.get(uid);
    if (existing != null
        && !overwrite
        && dashboard.path("version").asLong() != existing.path("version").asLong()) {
      return status(412, "The dashboard has been changed by someone else", "version-mismatch");
    }
    boolean titleTaken =
        dashboards.entrySet().stream()
            .anyMatch(
                e ->
                    !e.getKey().equals(uid)
                        && folder.equals(dashboardFolders.get(e.getKey()))
                        && e.getValue()
                            .path("title")
                            .asText()
                            .equals(dashboard.path("title").asText()));
    if (titleTaken && !overwrite) {
      return status(
          412, "A dashboard with the same name in the folder already exists", "name-exists");
    }
    long version = existing == null ? 1 : existing.path("version").asLong() + 1;
    int id = existing == null ? nextId++ : existing.path("id").asInt();
    dashboard.put("id", id).put("version", version);
    dashboards.put(uid, dashboard);
    dashboardFolders.put(uid, folder);
    String slug = slug(dashboard.path("title").asText());
    return json(
        200,
        JSON.createObjectNode()
            .put("id", id)
            .put("uid", uid)
            .put("url", "/d/" + uid + "/" + slug)
            .put("status", "success")
            .put("version", version)
            .put("slug", slug));
  }

  private static String slug(String title) {
    return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  static MockResponse json(int code, JsonNode body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body.toString())
        .build();
  }

  static MockResponse message(int code, String message) {
    return json(code, JSON.createObjectNode().put("message", message));
  }

  private static MockResponse notFound(String message) {
    return status(404, message, "not-found");
  }

  private static MockResponse status(int code, String message, String status) {
    return json(code, JSON.createObjectNode().put("message", message).put("status", status));
  }

  static JsonNode body(RecordedRequest request) {
    try {
      var bytes = request.getBody();
      return bytes == null || bytes.size() == 0
          ? JSON.createObjectNode()
          : JSON.readTree(bytes.string(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code METHOD /path?query} of every request so far. */
  List<String> calls() {
    synchronized (requests) {
      return requests.stream().map(r -> r.getMethod() + " " + r.getTarget()).toList();
    }
  }
}
