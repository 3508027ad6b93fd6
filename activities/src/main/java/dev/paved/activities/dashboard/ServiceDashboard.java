package dev.paved.activities.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The Grafana dashboard Paved gives every service: request rate, error rate and request duration
 * from the service's OpenTelemetry HTTP server metrics, on a data source chosen by a variable.
 */
public final class ServiceDashboard {

  /** Grafana's dashboard JSON schema version this model is written in. */
  public static final int SCHEMA_VERSION = 39;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int UID_LIMIT = 40;
  private static final String DATASOURCE = "${datasource}";

  private ServiceDashboard() {}

  /**
   * A uid that stays the same for the service on every run and differs between owners: the name
   * made URL-safe, then a hash of {@code owner/name}; at most 40 characters, Grafana's limit.
   */
  public static String uid(String owner, String name) {
    return stableUid(name, owner + "/" + name);
  }

  /** The uid of the owning team's folder: {@code paved-<team>-<hash of the team>}. */
  public static String folderUid(String team) {
    return stableUid("paved-" + team, "folder:" + team);
  }

  private static String stableUid(String readable, String hashed) {
    String slug = readable.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
    slug = slug.replaceAll("-+", "-").replaceAll("^-|-$", "");
    if (slug.isEmpty()) {
      slug = "service";
    }
    String hash = sha256(hashed).substring(0, 8);
    int room = UID_LIMIT - hash.length() - 1;
    return (slug.length() > room ? slug.substring(0, room) : slug) + "-" + hash;
  }

  /** The complete dashboard model for the service. */
  public static ObjectNode build(
      String name, String owner, String title, String uid, String datasource, String serviceKey) {
    ObjectNode dashboard = JSON.createObjectNode();
    dashboard.putNull("id");
    dashboard.put("uid", uid);
    dashboard.put("title", title);
    dashboard.put("description", "Made by Paved for " + serviceKey);
    dashboard.putArray("tags").add("paved").add(owner);
    dashboard.put("schemaVersion", SCHEMA_VERSION);
    dashboard.put("editable", true);
    dashboard.put("timezone", "browser");
    dashboard.put("refresh", "30s");
    dashboard.putObject("time").put("from", "now-6h").put("to", "now");
    dashboard.putObject("annotations").putArray("list");
    dashboard.putObject("templating").putArray("list").add(datasourceVariable(datasource));
    HttpServerQueries queries = new HttpServerQueries(name);
    ArrayNode panels = dashboard.putArray("panels");
    panels.add(
        panel(1, "Request rate", "reqps", 0, 0, target("A", queries.requestRate(), "requests")));
    panels.add(
        panel(
            2,
            "Error rate (5xx)",
            "percentunit",
            12,
            0,
            target("A", queries.errorRate(), "5xx share")));
    panels.add(
        panel(
            3,
            "Request duration",
            "s",
            0,
            8,
            target("A", queries.durationQuantile(0.5), "p50"),
            target("B", queries.durationQuantile(0.95), "p95"),
            target("C", queries.durationQuantile(0.99), "p99")));
    return dashboard;
  }

  private static ObjectNode datasourceVariable(String datasource) {
    ObjectNode variable = JSON.createObjectNode();
    variable.put("name", "datasource");
    variable.put("label", "Data source");
    variable.put("type", "datasource");
    variable.put("query", "prometheus");
    variable.put("refresh", 1);
    variable.put("hide", 0);
    if (datasource != null && !datasource.isBlank()) {
      variable.putObject("current").put("text", datasource).put("value", datasource);
    }
    return variable;
  }

  /** A time-series panel, half the dashboard wide, on the chosen data source. */
  private static ObjectNode panel(
      int id, String title, String unit, int x, int y, ObjectNode... targets) {
    ObjectNode panel = JSON.createObjectNode();
    panel.put("id", id);
    panel.put("type", "timeseries");
    panel.put("title", title);
    panel.putObject("gridPos").put("h", 8).put("w", 12).put("x", x).put("y", y);
    panel.set("datasource", datasourceRef());
    ObjectNode fieldConfig = panel.putObject("fieldConfig");
    fieldConfig.putObject("defaults").put("unit", unit);
    fieldConfig.putArray("overrides");
    ObjectNode options = panel.putObject("options");
    options.putObject("legend").put("displayMode", "list").put("placement", "bottom");
    options.putObject("tooltip").put("mode", "multi");
    ArrayNode list = panel.putArray("targets");
    for (ObjectNode target : targets) {
      list.add(target);
    }
    return panel;
  }

  private static ObjectNode target(String refId, String expr, String legend) {
    ObjectNode target = JSON.createObjectNode();
    target.put("refId", refId);
    target.set("datasource", datasourceRef());
    target.put("expr", expr);
    target.put("legendFormat", legend);
    return target;
  }

  private static ObjectNode datasourceRef() {
    return JSON.createObjectNode().put("type", "prometheus").put("uid", DATASOURCE);
  }

  private static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
