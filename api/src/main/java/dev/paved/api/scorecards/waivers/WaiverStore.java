package dev.paved.api.scorecards.waivers;

import dev.paved.api.scorecards.Waivers;
import dev.paved.workflows.approval.Decision;
import dev.paved.workflows.scorecards.waiver.WaiverInput;
import dev.paved.workflows.scorecards.waiver.WaiverSnapshot;
import dev.paved.workflows.scorecards.waiver.WaiverStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code scorecard_waivers} table, kept current by the waivers' workflows; evaluation reads the
 * waivers in force through {@link Waivers}.
 */
@Repository
class WaiverStore implements Waivers {

  private static final String COLUMNS =
      "id, scorecard_id, rule_id, entity_ref, owner_group, reason, expires_at, requested_by,"
          + " requested_at, approvers, status, decided_by, decided_at, decision_comment";

  private final JdbcClient jdbc;

  WaiverStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The approved waiver whose expiry is after {@code at}: an expired one no longer counts. */
  @Override
  public Optional<Waiver> active(String scorecardId, String ruleId, String entityRef, Instant at) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from scorecard_waivers where scorecard_id = ? and rule_id = ? and entity_ref = ?"
                + " and status = ? and expires_at > ? order by expires_at desc limit 1")
        .params(scorecardId, ruleId, entityRef, WaiverStatus.APPROVED.name(), Timestamp.from(at))
        .query(WaiverStore::view)
        .optional()
        .map(v -> new Waiver(v.id(), v.reason(), v.expiresAt(), v.requestedBy(), v.decidedBy()));
  }

  @Override
  public Map<Waived, Waiver> allActive(String scorecardId, Instant at) {
    Map<Waived, Waiver> active = new HashMap<>();
    jdbc.sql(
            "select "
                + COLUMNS
                + " from scorecard_waivers where scorecard_id = ? and status = ? and expires_at > ?"
                + " order by expires_at")
        .params(scorecardId, WaiverStatus.APPROVED.name(), Timestamp.from(at))
        .query(WaiverStore::view)
        .list()
        .forEach(
            v ->
                active.put(
                    new Waived(v.rule(), v.entity()),
                    new Waiver(v.id(), v.reason(), v.expiresAt(), v.requestedBy(), v.decidedBy())));
    return active;
  }

  void insert(WaiverInput input, Instant now) {
    jdbc.sql(
            "insert into scorecard_waivers ("
                + COLUMNS
                + ", updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, null, null, ?)")
        .params(
            input.waiverId(),
            input.scorecardId(),
            input.ruleId(),
            input.entityRef(),
            input.ownerGroup(),
            input.reason(),
            Timestamp.from(Instant.ofEpochMilli(input.expiresAt())),
            input.requestedBy(),
            Timestamp.from(now),
            String.join(",", input.approvers().groups()),
            WaiverStatus.PENDING.name(),
            Timestamp.from(now))
        .update();
  }

  void delete(String id) {
    jdbc.sql("delete from scorecard_waivers where id = ?").param(id).update();
  }

  /** Keeps the waiver as its workflow says it stands. */
  void record(WaiverSnapshot snapshot, Instant now) {
    Decision decision = snapshot.decision();
    jdbc.sql(
            "update scorecard_waivers set status = ?, decided_by = ?, decided_at = ?,"
                + " decision_comment = ?, updated_at = ? where id = ?")
        .params(
            snapshot.status().name(),
            decision == null ? null : decision.user(),
            decision == null ? null : Timestamp.from(Instant.ofEpochMilli(decision.decidedAt())),
            decision == null ? null : decision.comment(),
            Timestamp.from(now),
            snapshot.waiver().waiverId())
        .update();
  }

  Optional<WaiverView> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from scorecard_waivers where id = ?")
        .param(id)
        .query(WaiverStore::view)
        .optional();
  }

  /** The scorecard's waivers, newest first, at most {@code limit}. */
  List<WaiverView> list(String scorecardId, String status, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from scorecard_waivers where scorecard_id = ? and (? is null or status = ?)"
                + " order by requested_at desc, id limit ?")
        .params(scorecardId, status, status, limit)
        .query(WaiverStore::view)
        .list();
  }

  /** Every waiver still waiting for a decision, oldest first, at most {@code limit}. */
  List<WaiverView> pending(int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from scorecard_waivers where status = ? order by requested_at, id limit ?")
        .params(WaiverStatus.PENDING.name(), limit)
        .query(WaiverStore::view)
        .list();
  }

  private static WaiverView view(ResultSet rs, int row) throws SQLException {
    Timestamp decidedAt = rs.getTimestamp("decided_at");
    return new WaiverView(
        rs.getString("id"),
        rs.getString("scorecard_id"),
        rs.getString("rule_id"),
        rs.getString("entity_ref"),
        rs.getString("owner_group"),
        rs.getString("reason"),
        rs.getTimestamp("expires_at").toInstant(),
        rs.getString("status"),
        rs.getString("requested_by"),
        rs.getTimestamp("requested_at").toInstant(),
        Arrays.stream(rs.getString("approvers").split(",")).filter(g -> !g.isBlank()).toList(),
        rs.getString("decided_by"),
        decidedAt == null ? null : decidedAt.toInstant(),
        rs.getString("decision_comment"));
  }
}
