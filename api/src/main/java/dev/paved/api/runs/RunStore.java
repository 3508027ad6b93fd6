package dev.paved.api.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paved.workflows.goldenpath.RunProgress;
import dev.paved.workflows.goldenpath.RunStatus;
import dev.paved.workflows.steps.TemplatePlan;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code runs} and {@code service_claims} tables. */
@Repository
public class RunStore {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final JdbcClient jdbc;

  RunStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A new run row, before its workflow starts.
   *
   * @param parameterSchema the template's form as one JSON Schema, or null
   * @param rerunOf the run this one repeats, or null
   */
  record NewRun(
      String id,
      String template,
      String templateVersion,
      ServiceIdentity identity,
      String requestedBy,
      String idempotencyKey,
      String requestHash,
      Map<String, Object> parameters,
      TemplatePlan plan,
      Map<String, Object> parameterSchema,
      String rerunOf) {

    NewRun(
        String id,
        String template,
        String templateVersion,
        ServiceIdentity identity,
        String requestedBy,
        String idempotencyKey,
        String requestHash,
        Map<String, Object> parameters,
        TemplatePlan plan) {
      this(
          id,
          template,
          templateVersion,
          identity,
          requestedBy,
          idempotencyKey,
          requestHash,
          parameters,
          plan,
          null,
          null);
    }
  }

  void insert(NewRun run, Instant now) {
    jdbc.sql(
            """
            insert into runs (id, template, template_version, service_key, workflow_id, status,
              requested_by, idempotency_key, request_hash, parameters, plan, created_at, updated_at,
              parameter_schema, rerun_of)
            values (?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            run.id(),
            run.template(),
            run.templateVersion(),
            run.identity().serviceKey(),
            run.identity().workflowId(),
            run.requestedBy(),
            run.idempotencyKey(),
            run.requestHash(),
            write(run.parameters()),
            write(run.plan()),
            Timestamp.from(now),
            Timestamp.from(now),
            run.parameterSchema() == null ? null : write(run.parameterSchema()),
            run.rerunOf())
        .update();
  }

  /**
   * Hands a service name's claim from one run to another (a re-run of a run that failed and kept
   * it); false when {@code fromRunId} does not hold it.
   */
  boolean takeOverClaim(String serviceName, String fromRunId, String toRunId) {
    return jdbc.sql("update service_claims set run_id = ? where service_name = ? and run_id = ?")
            .params(toRunId, serviceName, fromRunId)
            .update()
        == 1;
  }

  /** The form the run started with, as one JSON Schema; empty for runs from before it was kept. */
  Optional<Map<String, Object>> parameterSchema(String id) {
    return jdbc.sql("select parameter_schema from runs where id = ?")
        .param(id)
        .query(String.class)
        .optional()
        .map(json -> read(json, MAP));
  }

  /** A retry corrected the run's parameters; a re-run starts from these. */
  void updateParameters(String id, Map<String, Object> parameters, Instant now) {
    jdbc.sql("update runs set parameters = ?, updated_at = ? where id = ?")
        .params(write(parameters), Timestamp.from(now), id)
        .update();
  }

  /** Claims the service name for a run; false when another run holds it. */
  boolean claim(String serviceName, String serviceKey, String runId, Instant now) {
    try {
      jdbc.sql(
              "insert into service_claims (service_name, service_key, run_id, created_at)"
                  + " values (?, ?, ?, ?)")
          .params(serviceName, serviceKey, runId, Timestamp.from(now))
          .update();
      return true;
    } catch (DuplicateKeyException taken) {
      return false;
    }
  }

  Optional<String> claimHolder(String serviceName) {
    return jdbc.sql("select run_id from service_claims where service_name = ?")
        .param(serviceName)
        .query(String.class)
        .optional();
  }

  /** Whether a run other than {@code runId} is still in flight under this workflow id. */
  boolean hasOtherActiveRun(String workflowId, String runId) {
    return jdbc.sql(
                "select count(*) from runs where workflow_id = ?"
                    + " and status in ('RUNNING', 'NEEDS_ATTENTION', 'WAITING_APPROVAL',"
                    + " 'ROLLING_BACK') and id <> ?")
            .params(workflowId, runId)
            .query(Integer.class)
            .single()
        > 0;
  }

  void releaseClaims(String runId) {
    jdbc.sql("delete from service_claims where run_id = ?").param(runId).update();
  }

  void delete(String runId) {
    releaseClaims(runId);
    jdbc.sql("delete from runs where id = ?").param(runId).update();
  }

  void started(String runId, String temporalRunId) {
    jdbc.sql("update runs set temporal_run_id = ? where id = ?")
        .params(temporalRunId, runId)
        .update();
  }

  void recordProgress(RunProgress progress, Instant now) {
    jdbc.sql("update runs set status = ?, progress = ?, error = ?, updated_at = ? where id = ?")
        .params(
            progress.status().name(),
            write(progress),
            progress.error(),
            Timestamp.from(now),
            progress.runId())
        .update();
  }

  /** The ids of the runs not ended in Paved's record (running or waiting), oldest first. */
  List<String> inFlight() {
    List<String> ended =
        Arrays.stream(RunStatus.values()).filter(RunStatus::isTerminal).map(Enum::name).toList();
    return jdbc.sql("select id from runs where status not in (:ended) order by created_at, id")
        .param("ended", ended)
        .query(String.class)
        .list();
  }

  /** The run was started again under a new Temporal run id. */
  void recovered(String runId, String temporalRunId, Instant now) {
    jdbc.sql(
            "update runs set recoveries = recoveries + 1, recovered_at = ?, temporal_run_id = ?,"
                + " updated_at = ? where id = ?")
        .params(Timestamp.from(now), temporalRunId, Timestamp.from(now), runId)
        .update();
  }

  /** The run ended without its workflow: FAILED, with why. */
  void failWithoutWorkflow(String runId, String error, Instant now) {
    jdbc.sql("update runs set status = 'FAILED', error = ?, updated_at = ? where id = ?")
        .params(error, Timestamp.from(now), runId)
        .update();
  }

  Optional<RunRecord> find(String id) {
    return jdbc.sql("select * from runs where id = ?").param(id).query(this::record).optional();
  }

  Optional<RunRecord> findByIdempotencyKey(String key) {
    return jdbc.sql("select * from runs where idempotency_key = ?")
        .param(key)
        .query(this::record)
        .optional();
  }

  Optional<String> idempotencyKey(String id) {
    return jdbc.sql("select idempotency_key from runs where id = ?")
        .param(id)
        .query(String.class)
        .optional();
  }

  Optional<String> requestHash(String id) {
    return jdbc.sql("select request_hash from runs where id = ?")
        .param(id)
        .query(String.class)
        .optional();
  }

  /** Newest first; {@code status} null for every status. */
  List<RunRecord> list(String status, int limit) {
    return list(RunFilter.status(status, limit));
  }

  /** Newest first, narrowed by each part of {@code filter} that is set. */
  List<RunRecord> list(RunFilter filter) {
    Map<String, Object> params = new HashMap<>();
    String sql =
        "select * from runs"
            + filter.where(params)
            + " order by created_at desc, id desc limit :limit";
    return jdbc.sql(sql).params(params).query(this::record).list();
  }

  private RunRecord record(ResultSet rs, int row) throws SQLException {
    String progress = rs.getString("progress");
    return new RunRecord(
        rs.getString("id"),
        rs.getString("template"),
        rs.getString("template_version"),
        rs.getString("service_key"),
        rs.getString("workflow_id"),
        rs.getString("temporal_run_id"),
        rs.getString("status"),
        rs.getString("requested_by"),
        read(rs.getString("parameters"), MAP),
        read(rs.getString("plan"), new TypeReference<TemplatePlan>() {}),
        progress == null ? null : read(progress, new TypeReference<RunProgress>() {}),
        rs.getString("error"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getInt("recoveries"),
        instant(rs.getTimestamp("recovered_at")),
        rs.getString("rerun_of"));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read stored JSON", e);
    }
  }
}
