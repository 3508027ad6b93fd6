package dev.paved.testfixtures.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paved.testfixtures.StandIn;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;

/**
 * A stateful stand-in for Grafana's HTTP API, for what Paved uses: folders (by uid, list, create
 * with 409 on a taken uid or title), dashboards by uid (create or update through {@code
 * /api/dashboards/db}, 412 on a version mismatch or a title taken in the folder, read, delete) and
 * {@code /api/health}. A request without the service account token is 401.
 */
public final class FakeGrafana extends StandIn {

  public static final String TOKEN = "glsa_standin_token";

  /** The kinds of resources {@link #made(String)} counts. */
  public static final String DASHBOARD = "dashboard";

  public static final String FOLDER = "folder";

  private final Map<String, ObjectNode> folders = new LinkedHashMap<>();
  private final Map<String, ObjectNode> dashboards = new LinkedHashMap<>();
  private final Map<String, String> dashboardFolders = new LinkedHashMap<>();
  private int nextId = 1;

  /** Grafana's address, as {@code PAVED_GRAFANA_URL}. */
  public String url() {
    return baseUrl();
  }

  // --- seeding and what Grafana holds now ---

  /** A folder someone made earlier. */
  public synchronized void folder(String uid, String title) {
    addFolder(uid, title);
  }

  /** A dashboard someone saved earlier, in a folder (made if absent). */
  public synchronized void dashboard(String folderUid, String folderTitle, JsonNode model) {
    if (!folders.containsKey(folderUid)) {
      addFolder(folderUid, folderTitle);
    }
    dashboard(folderUid, model);
  }

  /**
   * A dashboard someone saved earlier, in the folder {@code folderUid} (null: General); its id and
   * version are the model's, or new ones.
   */
  public synchronized void dashboard(String folderUid, JsonNode model) {
    ObjectNode dashboard = ((ObjectNode) model).deepCopy();
    if (!dashboard.has("id")) {
      dashboard.put("id", nextId++);
    }
    if (!dashboard.has("version")) {
      dashboard.put("version", 1);
    }
    dashboards.put(dashboard.path("uid").asText(), dashboard);
    dashboardFolders.put(dashboard.path("uid").asText(), folderUid);
  }

  public synchronized Optional<JsonNode> folder(String uid) {
    return Optional.ofNullable(folders.get(uid)).map(ObjectNode::deepCopy);
  }

  public synchronized Optional<JsonNode> dashboard(String uid) {
    return Optional.ofNullable(dashboards.get(uid)).map(ObjectNode::deepCopy);
  }

  /** The uid of the folder the dashboard is in. */
  public synchronized String folderOf(String dashboardUid) {
    return dashboardFolders.get(dashboardUid);
  }

  public synchronized Map<String, JsonNode> dashboards() {
    return Map.copyOf(dashboards);
  }

  public synchronized Map<String, JsonNode> folders() {
    return Map.copyOf(folders);
  }

  // --- the API ---

  @Override
  protected MockResponse answer(Call call) {
    String path = call.path();
    String m = call.method();
    if (path.equals("/api/health") && m.equals("GET")) {
      return json(
          200,
          JSON.createObjectNode()
              .put("commit", "abc")
              .put("database", "ok")
              .put("version", "11.3.0"));
    }
    if (!("Bearer " + TOKEN).equals(call.headers().get("Authorization"))) {
      return message(401, "Invalid API key");
    }
    if (path.equals("/api/folders") && m.equals("GET")) {
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
    if (path.equals("/api/folders") && m.equals("POST")) {
      return makeFolder(call.json());
    }
    if (path.startsWith("/api/folders/") && m.equals("GET")) {
      ObjectNode folder = folders.get(path.substring("/api/folders/".length()));
      return folder == null ? status(404, "folder not found", "not-found") : json(200, folder);
    }
    if (path.equals("/api/dashboards/db") && m.equals("POST")) {
      return save(call.json());
    }
    if (path.startsWith("/api/dashboards/uid/")) {
      return dashboardByUid(call, path.substring("/api/dashboards/uid/".length()));
    }
    return unhandled(call, "{\"message\":\"Not found\"}");
  }

  private ObjectNode addFolder(String uid, String title) {
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
    if (title.isBlank()) {
      return message(400, "folder title cannot be empty");
    }
    if (folders.containsKey(uid)) {
      return message(409, "a folder with the same uid already exists");
    }
    if (folders.values().stream().anyMatch(f -> f.path("title").asText().equals(title))) {
      return message(409, "a folder with the same name already exists");
    }
    made(FOLDER, uid);
    return json(200, addFolder(uid, title));
  }

  private MockResponse save(JsonNode body) {
    if (!body.path("dashboard").isObject()) {
      return message(400, "bad request data");
    }
    ObjectNode dashboard = ((ObjectNode) body.path("dashboard")).deepCopy();
    String uid = dashboard.path("uid").asText();
    String folder = body.path("folderUid").asText("");
    if (!folder.isEmpty() && !folders.containsKey(folder)) {
      return status(400, "folder not found", "not-found");
    }
    boolean overwrite = body.path("overwrite").asBoolean(false);
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
    if (existing == null) {
      made(DASHBOARD, uid);
    }
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
            .put("slug", slug)
            .put("folderUid", folder));
  }

  private MockResponse dashboardByUid(Call call, String uid) {
    ObjectNode dashboard = dashboards.get(uid);
    if (dashboard == null) {
      return status(404, "Dashboard not found", "not-found");
    }
    if (call.method().equals("DELETE")) {
      dashboards.remove(uid);
      dashboardFolders.remove(uid);
      String title = dashboard.path("title").asText();
      return json(
          200,
          JSON.createObjectNode()
              .put("title", title)
              .put("message", "Dashboard " + title + " deleted")
              .put("uid", uid));
    }
    if (!call.method().equals("GET")) {
      return unhandled(call, "{\"message\":\"Not found\"}");
    }
    ObjectNode body = JSON.createObjectNode();
    body.set("dashboard", dashboard.deepCopy());
    ObjectNode meta = body.putObject("meta");
    meta.put("url", "/d/" + uid + "/" + slug(dashboard.path("title").asText()));
    meta.put("folderUid", dashboardFolders.get(uid)).put("canSave", true);
    return json(200, body);
  }

  private static String slug(String title) {
    return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  private static MockResponse message(int status, String message) {
    return json(status, JSON.createObjectNode().put("message", message));
  }

  private static MockResponse status(int status, String message, String kind) {
    return json(status, JSON.createObjectNode().put("message", message).put("status", kind));
  }
}
