package dev.paved.api.runs;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.paved.api.TestFolders;
import dev.paved.api.dryrun.DryRunReport;
import dev.paved.api.dryrun.DryRunService;
import dev.paved.api.identity.TestUsers;
import dev.paved.api.templates.LoadedTemplate;
import dev.paved.workflows.steps.FailurePolicy;
import dev.paved.workflows.steps.StepPlan;
import dev.paved.workflows.steps.TemplatePlan;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The runs API's HTTP contract, with the service behind it mocked. */
@WebMvcTest(RunController.class)
// The slice still starts the embedded Temporal server: on a free port, not on 7233, which another
// Paved on this machine may hold.
@TestPropertySource(properties = "paved.temporal.port=0")
class RunControllerTest {

  /**
   * Its own data folder: the slice still builds the workers' local providers, which make theirs.
   */
  @DynamicPropertySource
  static void ownDataFolder(DynamicPropertyRegistry registry) {
    Path data = TestFolders.newDataDir("paved-run-controller");
    registry.add("paved.data-dir", data::toString);
  }

  @Autowired MockMvc mvc;
  @MockitoBean RunService runs;
  @MockitoBean RunDecisions decisions;
  @MockitoBean Reruns reruns;
  @MockitoBean DryRunService dryRuns;

  private static RunRecord record(String status) {
    TemplatePlan plan =
        new TemplatePlan(
            "java-service",
            "v1",
            "/t",
            FailurePolicy.ROLLBACK,
            List.of(new StepPlan("fetch", "Render", "fetch:template", Map.of(), null)),
            Map.of());
    Instant t = Instant.parse("2026-11-28T10:00:00Z");
    return new RunRecord(
        "r-1",
        "java-service",
        "v1",
        "team-payments/checkout",
        "service:team-payments/checkout",
        "t-1",
        status,
        "pat",
        Map.of("name", "checkout"),
        plan,
        null,
        null,
        t,
        t);
  }

  private static RunService.Admission admitted(String runId) {
    return new RunService.Admission(runId, null, null, "hash", null);
  }

  @Test
  void startAnswers202WithLocationAndPendingSteps() throws Exception {
    RunService.Admission admission = admitted("r-1");
    when(runs.admit(eq("java-service"), anyMap(), any(), isNull(), anyString()))
        .thenReturn(admission);
    when(runs.start(admission, "pat")).thenReturn(new RunService.Started(record("RUNNING"), false));

    mvc.perform(
            post("/api/v1/runs")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"template\":\"java-service\",\"parameters\":{\"name\":\"checkout\"}}"))
        .andExpect(status().isAccepted())
        .andExpect(header().string("Location", "/api/v1/runs/r-1"))
        .andExpect(jsonPath("$.id").value("r-1"))
        .andExpect(jsonPath("$.steps[0].status").value("PENDING"));
  }

  @Test
  void aDryRunChecksAndPlansButStartsNothing() throws Exception {
    LoadedTemplate template = mock(LoadedTemplate.class);
    ServiceIdentity identity =
        new ServiceIdentity("checkout", "team-payments/checkout", "service:team-payments/checkout");
    when(runs.admit(
            eq("java-service"), anyMap(), any(), eq("ignored-for-a-dry-run"), eq("dry-run")))
        .thenReturn(
            new RunService.Admission(
                "dry-run",
                new RunChecks.Checked(template, Map.of("name", "checkout"), identity),
                "ignored-for-a-dry-run",
                "hash",
                null));
    when(dryRuns.run(template, Map.of("name", "checkout"), "team-payments/checkout", "pat"))
        .thenReturn(
            new DryRunReport(
                true,
                "java-service",
                "v1",
                "team-payments/checkout",
                Map.of(),
                "COMPLETED",
                null,
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                Map.of()));

    mvc.perform(
            post("/api/v1/runs?dryRun=true")
                .header("Idempotency-Key", "ignored-for-a-dry-run")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"template\":\"java-service\",\"parameters\":{\"name\":\"checkout\"}}"))
        .andExpect(status().isOk())
        .andExpect(header().doesNotExist("Location"))
        .andExpect(jsonPath("$.dryRun").value(true))
        .andExpect(jsonPath("$.status").value("COMPLETED"));
    verify(runs, never()).start(any(), any());
  }

  @Test
  void aReplayedIdempotencyKeyAnswers200() throws Exception {
    RunService.Started replay = new RunService.Started(record("COMPLETED"), true);
    RunService.Admission admission = new RunService.Admission("r-9", null, "k-1", "hash", replay);
    when(runs.admit(eq("java-service"), any(), any(), eq("k-1"), anyString()))
        .thenReturn(admission);
    when(runs.start(admission, "pat")).thenReturn(replay);

    mvc.perform(
            post("/api/v1/runs")
                .header("Idempotency-Key", "k-1")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"template\":\"java-service\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("COMPLETED"));
  }

  @Test
  void aBlankIdempotencyKeyOrMissingTemplateIsRefusedBeforeAnythingStarts() throws Exception {
    mvc.perform(
            post("/api/v1/runs")
                .header("Idempotency-Key", " ")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"template\":\"java-service\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"))
        .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("1 to 200")));
    mvc.perform(post("/api/v1/runs").contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://paved.dev/problems/invalid-request"))
        .andExpect(jsonPath("$.detail").value("template must not be blank"))
        .andExpect(jsonPath("$.errors[0].field").value("template"));
    verifyNoInteractions(runs);
  }

  @Test
  void retryTakesOptionalCorrectedParametersAndAnswers202() throws Exception {
    when(runs.find("r-1")).thenReturn(Optional.of(record("NEEDS_ATTENTION")));
    when(decisions.retry("r-1", Map.of("policy", "read-only"), "pat"))
        .thenReturn(record("RUNNING"));
    when(decisions.retry("r-1", null, "pat")).thenReturn(record("RUNNING"));

    mvc.perform(
            post("/api/v1/runs/r-1/retry")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"parameters\":{\"policy\":\"read-only\"}}"))
        .andExpect(status().isAccepted())
        .andExpect(header().string("Location", "/api/v1/runs/r-1"))
        .andExpect(jsonPath("$.status").value("RUNNING"));
    mvc.perform(post("/api/v1/runs/r-1/retry")).andExpect(status().isAccepted());
    verify(decisions).retry("r-1", null, "pat");
  }

  @Test
  void rerunAnswers202WithTheNewRunLinkedToTheOriginal() throws Exception {
    RunRecord old = record("RUNNING");
    RunRecord rerun =
        new RunRecord(
            "r-2",
            old.template(),
            old.templateVersion(),
            old.serviceKey(),
            old.workflowId(),
            null,
            "RUNNING",
            "guest",
            old.parameters(),
            old.plan(),
            null,
            null,
            old.createdAt(),
            old.updatedAt(),
            0,
            null,
            "r-1");
    when(runs.find("r-1")).thenReturn(Optional.of(old));
    when(reruns.rerun("r-1", "pat")).thenReturn(rerun);

    mvc.perform(post("/api/v1/runs/r-1/rerun"))
        .andExpect(status().isAccepted())
        .andExpect(header().string("Location", "/api/v1/runs/r-2"))
        .andExpect(jsonPath("$.rerunOf").value("r-1"))
        .andExpect(jsonPath("$.decisions").isEmpty());
  }

  @Test
  void aDecisionNamesTheActionItRefuses() throws Exception {
    RunRecord payments =
        new RunRecord(
            "r-1",
            "java-service",
            "v1",
            "team-payments/checkout",
            "service:team-payments/checkout",
            "t-1",
            "WAITING_APPROVAL",
            "alice",
            Map.of("name", "checkout", "owner", "team-payments"),
            record("RUNNING").plan(),
            null,
            null,
            Instant.parse("2026-11-28T10:00:00Z"),
            Instant.parse("2026-11-28T10:00:00Z"));
    when(runs.find("r-1")).thenReturn(Optional.of(payments));

    for (String[] action :
        List.of(
            new String[] {"cancel", "cancel"},
            new String[] {"retry", "retry"},
            new String[] {"rollback", "roll back"},
            new String[] {"rerun", "re-run"})) {
      mvc.perform(post("/api/v1/runs/r-1/" + action[0]).with(TestUsers.as("carol", "team-search")))
          .andExpect(status().isForbidden())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(
              jsonPath("$.detail")
                  .value(
                      "carol is not a member of team-payments: only members of team-payments or"
                          + " the platform team may "
                          + action[1]
                          + " its runs"));
    }
    verifyNoInteractions(decisions, reruns);
  }

  @Test
  void aCancelAnswersTheEndOrThatTheRunIsCancelling() throws Exception {
    when(runs.find("r-1")).thenReturn(Optional.of(record("WAITING_APPROVAL")));
    when(decisions.cancel("r-1", "pat")).thenReturn(record("CANCELLED"));
    mvc.perform(post("/api/v1/runs/r-1/cancel"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("CANCELLED"));

    when(decisions.cancel("r-1", "pat")).thenReturn(record("RUNNING"));
    mvc.perform(post("/api/v1/runs/r-1/cancel"))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.status").value("CANCELLING"));
  }

  @Test
  void withoutCredentialsTheAnswerIs401WithAChallengeAndNothingStarts() throws Exception {
    mvc.perform(
            post("/api/v1/runs")
                .with(anonymous())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"template\":\"java-service\"}"))
        .andExpect(status().isUnauthorized())
        .andExpect(
            header().string("WWW-Authenticate", Matchers.startsWith("Basic realm=\"Paved\"")))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(get("/api/v1/runs").with(anonymous())).andExpect(status().isUnauthorized());
    verifyNoInteractions(runs);
  }

  @Test
  void listRefusesAnUnknownStatusAndABadLimit() throws Exception {
    mvc.perform(get("/api/v1/runs").param("status", "DONE"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("status"))
        .andExpect(
            jsonPath("$.errors[0].message").value(Matchers.containsString("NEEDS_ATTENTION")));
    mvc.perform(get("/api/v1/runs").param("limit", "0"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("limit"));
    mvc.perform(get("/api/v1/runs").param("cursor", "not-a-cursor"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("cursor")));
    verifyNoInteractions(runs);
  }

  @Test
  void aListAnswersAPageAndTheCursorOfTheNextOneWhichStartsAfterIt() throws Exception {
    RunRecord newest = record("RUNNING");
    when(runs.list(any())).thenReturn(List.of(newest, record("FAILED"), record("FAILED")));

    String next =
        JsonPath.read(
            mvc.perform(get("/api/v1/runs").param("limit", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.nextCursor").isString())
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.nextCursor");
    verify(runs).list(new RunFilter(null, null, null, List.of(), 3, null));

    when(runs.list(any())).thenReturn(List.of(record("FAILED")));
    mvc.perform(get("/api/v1/runs").param("limit", "2").param("cursor", next))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items.length()").value(1))
        .andExpect(jsonPath("$.nextCursor").isEmpty());
    verify(runs)
        .list(new RunFilter(null, null, null, List.of(), 3, RunFilter.positionOf(record("x"))));
  }

  @Test
  void anApprovalNeedsOneOfTheTwoWordsAndAShortComment() throws Exception {
    for (String body :
        List.of(
            "{}",
            "{\"decision\":\"maybe\"}",
            "{\"decision\":\"approve\",\"comment\":\"" + "x".repeat(1001) + "\"}")) {
      mvc.perform(
              post("/api/v1/runs/r-1/approval")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(body))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.errors[0].field").exists());
    }
    verifyNoInteractions(decisions);
  }

  @Test
  void anUnexpectedErrorIsA500ProblemWithAnErrorIdAndNoStackTrace() throws Exception {
    when(runs.find(any())).thenThrow(new IllegalStateException("database on fire"));

    mvc.perform(get("/api/v1/runs/r-1"))
        .andExpect(status().isInternalServerError())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errorId").isNotEmpty())
        .andExpect(content().string(Matchers.not(Matchers.containsString("database on fire"))))
        .andExpect(content().string(Matchers.not(Matchers.containsString("at dev.paved"))));
  }
}
