package dev.paved.api.runs;

import dev.paved.workflows.goldenpath.RunProgress;
import dev.paved.workflows.goldenpath.RunStatus;
import dev.paved.workflows.steps.TemplatePlan;
import java.time.Instant;
import java.util.Map;

/**
 * Paved's own record of a run: what was asked, the plan it froze, and the latest progress its
 * workflow reported.
 *
 * @param recoveries how often local mode started the run again after its embedded Temporal server
 *     had forgotten it (see {@link RunRecovery})
 * @param recoveredAt when it did so last, or null
 * @param rerunOf the run this one repeats ({@code POST /runs/{id}/rerun}), or null
 */
public record RunRecord(
    String id,
    String template,
    String templateVersion,
    String serviceKey,
    String workflowId,
    String temporalRunId,
    String status,
    String requestedBy,
    Map<String, Object> parameters,
    TemplatePlan plan,
    RunProgress progress,
    String error,
    Instant createdAt,
    Instant updatedAt,
    int recoveries,
    Instant recoveredAt,
    String rerunOf) {

  /** A run that was never recovered and repeats no other. */
  public RunRecord(
      String id,
      String template,
      String templateVersion,
      String serviceKey,
      String workflowId,
      String temporalRunId,
      String status,
      String requestedBy,
      Map<String, Object> parameters,
      TemplatePlan plan,
      RunProgress progress,
      String error,
      Instant createdAt,
      Instant updatedAt) {
    this(
        id,
        template,
        templateVersion,
        serviceKey,
        workflowId,
        temporalRunId,
        status,
        requestedBy,
        parameters,
        plan,
        progress,
        error,
        createdAt,
        updatedAt,
        0,
        null,
        null);
  }

  /**
   * The record with its workflow's live progress. A finished workflow still writes its last record
   * (which frees the service name): the run is terminal for the API once that record is written. A
   * run that starts to wait for people (an approval, an operator's decision) writes a record too,
   * which the approvals inbox, the run list and the notifications read: the run shows that status
   * once that record is written, so whoever is told it waits finds it where they look.
   */
  RunRecord withLiveProgress(RunProgress live) {
    return new RunRecord(
        id,
        template,
        templateVersion,
        serviceKey,
        workflowId,
        temporalRunId,
        shownStatus(live.status()),
        requestedBy,
        parameters,
        plan,
        live,
        live.error(),
        createdAt,
        updatedAt,
        recoveries,
        recoveredAt,
        rerunOf);
  }

  /** The live status, except an end or a wait for people not yet in the record: the record's. */
  private String shownStatus(RunStatus live) {
    boolean waitsForPeople =
        live == RunStatus.WAITING_APPROVAL || live == RunStatus.NEEDS_ATTENTION;
    return live.isTerminal() || waitsForPeople && !status.equals(live.name())
        ? status
        : live.name();
  }
}
