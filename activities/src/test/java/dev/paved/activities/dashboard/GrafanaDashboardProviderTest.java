package dev.paved.activities.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paved.activities.support.Reruns;
import dev.paved.activities.support.ServiceHealth;
import dev.paved.testfixtures.StandIn;
import dev.paved.testfixtures.grafana.FakeGrafana;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** paved:grafana:dashboard through DashboardActivitiesImpl and a stand-in Grafana. */
class GrafanaDashboardProviderTest {

  static final String SERVICE = "team-payments/checkout";
  static final String UID = ServiceDashboard.uid("team-payments", "checkout");
  static final String FOLDER = ServiceDashboard.folderUid("team-payments");

  FakeGrafana grafana;
  GrafanaDashboardProvider provider;
  DashboardActivitiesImpl activities;
  final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @BeforeEach
  void setUp() throws Exception {
    logs.start();
    root().addAppender(logs);
    grafana = new FakeGrafana();
    provider = new GrafanaDashboardProvider(new GrafanaSettings(grafana.url(), FakeGrafana.TOKEN));
    activities = new DashboardActivitiesImpl(provider);
  }

  @AfterEach
  void tearDown() {
    root().detachAppender(logs);
    grafana.close();
  }

  @Test
  void makesTheTeamFolderThenTheDashboardMarkedWithServiceAndRun() {
    var output = activities.grafanaDashboard(request("run-1")).output();

    assertThat(grafana.targets())
        .containsExactly(
            "GET /api/folders/" + FOLDER, "POST /api/folders", "POST /api/dashboards/db");
    assertThat(grafana.calls())
        .allSatisfy(
            r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + FakeGrafana.TOKEN));
    assertThat(body(1))
        .isEqualTo(
            StandIn.JSON.createObjectNode().put("uid", FOLDER).put("title", "team-payments"));
    JsonNode save = body(2);
    assertThat(save.path("folderUid").asText()).isEqualTo(FOLDER);
    assertThat(save.path("overwrite").asBoolean()).isFalse();
    assertThat(save.path("message").asText()).isEqualTo("Saved by Paved run run-1");
    assertThat(save.path("dashboard").path("uid").asText()).isEqualTo(UID);
    assertThat(save.path("dashboard").path("title").asText()).isEqualTo("Checkout");
    assertThat(save.path("dashboard").path("description").asText())
        .isEqualTo("Made by Paved for team-payments/checkout in run run-1");
    assertThat(save.path("dashboard").path("panels")).hasSize(3);
    assertThat(output)
        .containsEntry("uid", UID)
        .containsEntry("path", "/d/" + UID + "/checkout")
        .containsEntry("url", grafana.url() + "/d/" + UID + "/checkout")
        .containsEntry("title", "Checkout");
  }

  @Test
  void anExistingTeamFolderIsUsedAsItIs() {
    grafana.folder(FOLDER, "team-payments");

    activities.grafanaDashboard(request("run-1"));

    assertThat(grafana.targets())
        .containsExactly("GET /api/folders/" + FOLDER, "POST /api/dashboards/db");
  }

  @Test
  void aFolderAlreadyNamedAfterTheTeamIsAdopted() {
    grafana.folder("hand-made", "team-payments");

    activities.grafanaDashboard(request("run-1"));

    assertThat(grafana.targets())
        .containsExactly(
            "GET /api/folders/" + FOLDER,
            "POST /api/folders",
            "GET /api/folders?limit=1000",
            "POST /api/dashboards/db");
    assertThat(body(3).path("folderUid").asText()).isEqualTo("hand-made");
  }

  @Test
  void aRerunUpdatesItsServicesDashboardAtItsVersionAndKeepsTheFirstRun() {
    activities.grafanaDashboard(request("run-1"));
    grafana.forgetCalls();

    activities.grafanaDashboard(Reruns.asRun(request("run-1"), "run-2"));

    assertThat(grafana.targets())
        .containsExactly(
            "GET /api/folders/" + FOLDER,
            "POST /api/dashboards/db",
            "GET /api/dashboards/uid/" + UID,
            "POST /api/dashboards/db");
    JsonNode update = body(3);
    assertThat(update.path("overwrite").asBoolean()).isFalse();
    assertThat(update.path("dashboard").path("version").asLong()).isEqualTo(1);
    assertThat(update.path("message").asText()).isEqualTo("Saved by Paved run run-2");
    assertThat(grafana.dashboard(UID).orElseThrow().path("description").asText())
        .isEqualTo("Made by Paved for team-payments/checkout in run run-1");
    assertThat(grafana.dashboard(UID).orElseThrow().path("version").asLong()).isEqualTo(2);
  }

  @Test
  void aDashboardOfAnotherServiceUnderTheUidIsAConflictAndStays() {
    ObjectNode foreign = StandIn.JSON.createObjectNode();
    foreign.put("uid", UID).put("title", "Hand made").put("version", 4).put("id", 99);
    foreign.put("description", "Made by Paved for team-payments/other in run run-7");
    grafana.dashboard(null, foreign);

    assertThatThrownBy(() -> activities.grafanaDashboard(request("run-1")))
        .isInstanceOfSatisfying(
            ApplicationFailure.class, f -> assertThat(f.getType()).isEqualTo(FailureTypes.CONFLICT))
        .hasMessageContaining(UID);

    assertThat(grafana.targets())
        .containsExactly(
            "GET /api/folders/" + FOLDER,
            "POST /api/folders",
            "POST /api/dashboards/db",
            "GET /api/dashboards/uid/" + UID);
    assertThat(grafana.dashboard(UID).orElseThrow().path("title").asText()).isEqualTo("Hand made");
  }

  @Test
  void anotherDashboardWithTheSameTitleInTheFolderIsAConflict() {
    grafana.folder(FOLDER, "team-payments");
    ObjectNode other = StandIn.JSON.createObjectNode();
    other.put("uid", "other").put("title", "Checkout").put("version", 1).put("id", 5);
    grafana.dashboard(FOLDER, other);

    assertThatThrownBy(() -> activities.grafanaDashboard(request("run-1")))
        .isInstanceOfSatisfying(
            ApplicationFailure.class, f -> assertThat(f.getType()).isEqualTo(FailureTypes.CONFLICT))
        .hasMessageContaining("titled 'Checkout'");
  }

  @Test
  void aChangeWhileUpdatingIsRetryable() {
    activities.grafanaDashboard(request("run-1"));
    grafana.failWhen(
        "POST",
        "/api/dashboards/db",
        412,
        "{\"message\":\"The dashboard has been changed by someone else\","
            + "\"status\":\"version-mismatch\"}");

    assertThatThrownBy(() -> activities.grafanaDashboard(Reruns.asRun(request("run-1"), "run-2")))
        .isInstanceOfSatisfying(ApplicationFailure.class, GrafanaDashboardProviderTest::retryable)
        .hasMessageContaining("changed while Paved updated it");
  }

  @Test
  void serverErrorsAreRetryable() {
    grafana.failWhen("GET", "/api/folders/.*", 502, "{\"message\":\"Internal Server Error\"}");

    assertThatThrownBy(() -> activities.grafanaDashboard(request("run-1")))
        .isInstanceOfSatisfying(ApplicationFailure.class, GrafanaDashboardProviderTest::retryable)
        .hasMessageContaining("502");
  }

  @Test
  void aRefusedTokenIsUnauthorizedAndNeverShown() {
    provider = new GrafanaDashboardProvider(new GrafanaSettings(grafana.url(), "glsa_wrong"));
    activities = new DashboardActivitiesImpl(provider);

    assertThatThrownBy(() -> activities.grafanaDashboard(request("run-1")))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(FailureTypes.UNAUTHORIZED);
              assertThat(f.isNonRetryable()).isTrue();
            })
        .hasMessageContaining("401")
        .hasMessageNotContaining("glsa_wrong");
    assertThat(grafana.targets()).hasSize(1);
    assertThat(logs.list).noneMatch(e -> e.getFormattedMessage().contains("glsa_"));
  }

  @Test
  void undoDeletesOnlyTheDashboardItsRunMadeAndLeavesTheFolder() {
    ActionRequest first = request("run-1");
    activities.grafanaDashboard(first);
    activities.grafanaDashboard(Reruns.asRun(first, "run-2"));
    grafana.forgetCalls();

    activities.undoGrafanaDashboard(Reruns.asRun(first, "run-2"));
    activities.undoGrafanaDashboard(
        new ActionRequest(
            "run-1",
            "team-payments/other",
            "dash",
            DashboardActivitiesImpl.ACTION,
            first.input(),
            null,
            "bob"));
    assertThat(grafana.dashboard(UID)).isPresent();

    activities.undoGrafanaDashboard(first);
    activities.undoGrafanaDashboard(first);

    assertThat(grafana.targets())
        .containsExactly(
            "GET /api/dashboards/uid/" + UID,
            "GET /api/dashboards/uid/" + UID,
            "GET /api/dashboards/uid/" + UID,
            "DELETE /api/dashboards/uid/" + UID,
            "GET /api/dashboards/uid/" + UID);
    assertThat(grafana.dashboards()).isEmpty();
    assertThat(grafana.folder(FOLDER)).isPresent();
  }

  @Test
  void undoLeavesADashboardWithoutPavedsMarker() {
    ObjectNode foreign = StandIn.JSON.createObjectNode();
    foreign.put("uid", UID).put("title", "Checkout").put("version", 1).put("id", 3);
    grafana.dashboard(null, foreign);

    activities.undoGrafanaDashboard(request("run-1"));

    assertThat(grafana.dashboard(UID)).isPresent();
  }

  @Test
  void healthIsUpWhenGrafanaAnswersAndDownOtherwise() {
    ServiceHealth up = provider.health();
    grafana.failWhen("GET", "/api/health", 503, "{\"message\":\"database unavailable\"}");
    ServiceHealth down = provider.health();

    assertThat(up.up()).isTrue();
    assertThat(up.details()).containsEntry("database", "ok").containsEntry("version", "11.3.0");
    assertThat(down.up()).isFalse();
    assertThat(down.details()).containsEntry("status", 503);
    assertThat(grafana.targets()).containsExactly("GET /api/health", "GET /api/health");
  }

  @Test
  void settingsNeverShowTheToken() {
    GrafanaSettings settings = new GrafanaSettings("https://grafana.example.com/", "glsa_secret");

    assertThat(settings.toString()).doesNotContain("glsa_secret");
    assertThat(settings.url()).isEqualTo("https://grafana.example.com");
  }

  private JsonNode body(int request) {
    return grafana.calls().get(request).json();
  }

  private static ActionRequest request(String runId) {
    Map<String, Object> input = new HashMap<>();
    input.put("name", "checkout");
    input.put("owner", "team-payments");
    input.put("title", "Checkout");
    return new ActionRequest(
        runId, SERVICE, "dash", DashboardActivitiesImpl.ACTION, input, null, "ana");
  }

  private static void retryable(ApplicationFailure failure) {
    assertThat(failure.getType()).isEqualTo(FailureTypes.UNAVAILABLE);
    assertThat(failure.isNonRetryable()).isFalse();
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
