package dev.paved.activities.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paved.activities.support.Workspaces;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardActivitiesImplTest {

  static final String SERVICE = "team-payments/checkout";
  static final String SELECTOR = "service_name=\"checkout\"";

  @TempDir Path data;

  Workspaces workspaces;
  DashboardActivitiesImpl activities;

  @BeforeEach
  void setUp() {
    workspaces = new Workspaces(data);
    activities = new DashboardActivitiesImpl(new LocalDashboardProvider(workspaces));
  }

  ActionRequest request(Map<String, Object> extra) {
    Map<String, Object> input = new HashMap<>(Map.of("name", "checkout", "owner", "team-payments"));
    input.putAll(extra);
    return new ActionRequest(
        "run-1", SERVICE, "dash", "paved:grafana:dashboard", input, null, "ana");
  }

  JsonNode written(String path) throws Exception {
    return new ObjectMapper().readTree(workspaces.resolve("run-1", path).toFile());
  }

  @Test
  void writesACompleteDashboardIntoTheWorkspace() throws Exception {
    var output =
        activities
            .grafanaDashboard(request(Map.of("title", "Checkout", "datasource", "prom")))
            .output();

    assertThat(output)
        .containsEntry("path", "gitops/dashboards/checkout.json")
        .containsEntry("title", "Checkout");
    JsonNode dashboard = written("gitops/dashboards/checkout.json");
    assertThat(dashboard.path("uid").asText()).isEqualTo(output.get("uid"));
    assertThat(dashboard.path("title").asText()).isEqualTo("Checkout");
    assertThat(dashboard.path("schemaVersion").asInt()).isPositive();
    assertThat(dashboard.path("tags"))
        .extracting(JsonNode::asText)
        .containsExactly("paved", "team-payments");
    JsonNode variable = dashboard.path("templating").path("list").get(0);
    assertThat(variable.path("name").asText()).isEqualTo("datasource");
    assertThat(variable.path("type").asText()).isEqualTo("datasource");
    assertThat(variable.path("query").asText()).isEqualTo("prometheus");
    assertThat(variable.path("current").path("value").asText()).isEqualTo("prom");
    assertThat(dashboard.path("panels"))
        .extracting(p -> p.path("title").asText())
        .containsExactly("Request rate", "Error rate (5xx)", "Request duration");
    for (JsonNode panel : dashboard.path("panels")) {
      assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
    }
  }

  @Test
  void queriesReadTheOpenTelemetryHttpServerHistogramOfTheService() throws Exception {
    activities.grafanaDashboard(request(Map.of()));
    JsonNode panels = written("gitops/dashboards/checkout.json").path("panels");

    assertThat(exprs(panels.get(0)))
        .containsExactly(
            "sum(rate(http_server_request_duration_seconds_count{"
                + SELECTOR
                + "}[$__rate_interval]))");
    assertThat(exprs(panels.get(1)))
        .containsExactly(
            "sum(rate(http_server_request_duration_seconds_count{"
                + SELECTOR
                + ", http_response_status_code=~\"5..\"}[$__rate_interval]))"
                + " / sum(rate(http_server_request_duration_seconds_count{"
                + SELECTOR
                + "}[$__rate_interval]))");
    assertThat(exprs(panels.get(2)))
        .containsExactly(quantile("0.5"), quantile("0.95"), quantile("0.99"));
    assertThat(panels.get(2).path("targets"))
        .extracting(t -> t.path("legendFormat").asText())
        .containsExactly("p50", "p95", "p99");
    assertThat(panels.get(1).path("fieldConfig").path("defaults").path("unit").asText())
        .isEqualTo("percentunit");
  }

  static String quantile(String q) {
    return "histogram_quantile("
        + q
        + ", sum by (le) (rate(http_server_request_duration_seconds_bucket{"
        + SELECTOR
        + "}[$__rate_interval])))";
  }

  static List<String> exprs(JsonNode panel) {
    List<String> exprs = new ArrayList<>();
    panel.path("targets").forEach(t -> exprs.add(t.path("expr").asText()));
    return exprs;
  }

  @Test
  void uidIsStableShortAndDiffersBetweenOwners() {
    String uid = ServiceDashboard.uid("team-payments", "checkout");

    assertThat(uid)
        .isEqualTo(ServiceDashboard.uid("team-payments", "checkout"))
        .startsWith("checkout-");
    assertThat(uid).isNotEqualTo(ServiceDashboard.uid("team-other", "checkout"));
    String longUid =
        ServiceDashboard.uid("t", "A_very.long-service-name-that-goes-on-and-on-and-on");
    assertThat(longUid).hasSizeLessThanOrEqualTo(40).matches("[a-z0-9-]+");
  }

  @Test
  void secondCallWritesTheSameDashboard() throws Exception {
    var first = activities.grafanaDashboard(request(Map.of("targetPath", "dash"))).output();
    String before = Files.readString(workspaces.resolve("run-1", "dash/checkout.json"));

    var second = activities.grafanaDashboard(request(Map.of("targetPath", "dash"))).output();

    assertThat(second).isEqualTo(first);
    assertThat(workspaces.resolve("run-1", "dash/checkout.json")).hasContent(before.strip());
  }

  @Test
  void undoDeletesOnlyThisServicesDashboardFile() throws Exception {
    activities.grafanaDashboard(request(Map.of()));
    Path file = workspaces.resolve("run-1", "gitops/dashboards/checkout.json");

    activities.undoGrafanaDashboard(request(Map.of("owner", "team-other")));
    assertThat(file).exists();

    activities.undoGrafanaDashboard(request(Map.of()));
    assertThat(file).doesNotExist();
    activities.undoGrafanaDashboard(request(Map.of())); // nothing left: nothing to do

    Files.writeString(file, "not json");
    activities.undoGrafanaDashboard(request(Map.of()));
    assertThat(file).exists();
  }

  @Test
  void badInputIsRefusedAndItsUndoDoesNothing() {
    for (Map<String, Object> bad :
        List.<Map<String, Object>>of(
            Map.of("name", ""),
            Map.of("owner", ""),
            Map.of("name", "../../etc/x"),
            Map.of("name", "a\"b"),
            Map.of("targetPath", "../../elsewhere"))) {
      assertThatThrownBy(() -> activities.grafanaDashboard(request(bad)))
          .as(bad.toString())
          .isInstanceOfSatisfying(
              ApplicationFailure.class,
              f -> assertThat(f.getType()).isEqualTo(FailureTypes.INVALID_INPUT));
      activities.undoGrafanaDashboard(request(bad));
    }
    assertThat(data.resolve("run-1")).isEmptyDirectory();
  }

  @Test
  void planGivesTheDashboardJsonWithoutWritingIt() {
    var planned = activities.plan(request(Map.of("title", "Checkout")));

    assertThat(planned.output()).containsEntry("path", "gitops/dashboards/checkout.json");
    assertThat(planned.resources())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r).containsEntry("kind", "dashboard").containsEntry("title", "Checkout");
              // plain data, so any JSON writer shows it as the dashboard's JSON
              assertThat(r.get("json")).isInstanceOf(Map.class);
              assertThat(r.get("json").toString()).contains("http_server_request_duration");
            });
    assertThat(workspaces.resolve("run-1", "gitops/dashboards/checkout.json")).doesNotExist();
  }
}
