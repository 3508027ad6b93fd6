package dev.paved.activities.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paved.activities.support.StepFailures;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who made a dashboard in Grafana, kept in its description: {@code Made by Paved for <service key>
 * in run <run id>}. Tags would be searchable, but Grafana limits a tag to 50 bytes, less than a
 * service key may take; the description has no such limit and survives saves from the UI.
 */
record GrafanaMarker(String serviceKey, String runId) {

  private static final Pattern TEXT =
      Pattern.compile("\\AMade by Paved for (\\S+) in run (\\S+)\\z");
  private static final Pattern NO_SPACE = Pattern.compile("\\S+");

  GrafanaMarker {
    if (!NO_SPACE.matcher(serviceKey).matches() || !NO_SPACE.matcher(runId).matches()) {
      throw StepFailures.invalidInput(
          DashboardActivitiesImpl.ACTION
              + ": a service key or run id with spaces cannot mark a"
              + " dashboard: "
              + serviceKey);
    }
  }

  /** The marker in {@code dashboard}'s description, or empty when it has none. */
  static Optional<GrafanaMarker> of(JsonNode dashboard) {
    Matcher matcher = TEXT.matcher(dashboard.path("description").asText(""));
    return matcher.matches()
        ? Optional.of(new GrafanaMarker(matcher.group(1), matcher.group(2)))
        : Optional.empty();
  }

  /** A copy of {@code dashboard} carrying this marker. */
  ObjectNode on(ObjectNode dashboard) {
    ObjectNode marked = dashboard.deepCopy();
    marked.put("description", "Made by Paved for " + serviceKey + " in run " + runId);
    return marked;
  }

  boolean isFor(String service) {
    return serviceKey.equals(service);
  }
}
