package dev.paved.api.scorecards.initiatives;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code scorecard_initiatives} table and each initiative's daily progress. */
@Repository
class InitiativeStore {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS =
      "id, scorecard_id, title, target_level, target_rules, entity_filter, deadline, created_by,"
          + " created_at, reminded_at, deadline_notified_at";

  private final JdbcClient jdbc;

  InitiativeStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Initiative i) {
    jdbc.sql(
            "insert into scorecard_initiatives ("
                + COLUMNS
                + ") values (?,?,?,?,?,?,?,?,?,null,null)")
        .params(
            i.id(),
            i.scorecardId(),
            i.title(),
            i.level(),
            write(i.rules()),
            write(i.filter()),
            Timestamp.from(i.deadline()),
            i.createdBy(),
            Timestamp.from(i.createdAt()))
        .update();
  }

  Optional<Initiative> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from scorecard_initiatives where id = ?")
        .param(id)
        .query(InitiativeStore::initiative)
        .optional();
  }

  List<Initiative> list(String scorecardId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from scorecard_initiatives where scorecard_id = ? order by created_at desc, id")
        .param(scorecardId)
        .query(InitiativeStore::initiative)
        .list();
  }

  /** Initiatives with something left to do: progress to keep, or a notification to send. */
  List<Initiative> open(Instant now) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from scorecard_initiatives where deadline_notified_at is null or deadline > ?")
        .param(Timestamp.from(now))
        .query(InitiativeStore::initiative)
        .list();
  }

  /** Keeps the day's point, replacing one kept earlier that day. */
  void keepProgress(String id, LocalDate day, int meeting, int total) {
    int changed =
        jdbc.sql(
                "update scorecard_initiative_progress set meeting = ?, total = ?"
                    + " where initiative_id = ? and progress_day = ?")
            .params(meeting, total, id, Date.valueOf(day))
            .update();
    if (changed == 0) {
      jdbc.sql(
              "insert into scorecard_initiative_progress (initiative_id, progress_day, meeting, total)"
                  + " values (?, ?, ?, ?)")
          .params(id, Date.valueOf(day), meeting, total)
          .update();
    }
  }

  /** The kept points before {@code today}, oldest first. */
  List<InitiativeView.Point> progressBefore(String id, LocalDate today) {
    return jdbc.sql(
            "select progress_day, meeting, total from scorecard_initiative_progress"
                + " where initiative_id = ? and progress_day < ? order by progress_day")
        .params(id, Date.valueOf(today))
        .query(
            (rs, row) ->
                new InitiativeView.Point(
                    rs.getDate("progress_day").toLocalDate(),
                    rs.getInt("meeting"),
                    rs.getInt("total")))
        .list();
  }

  /**
   * Marks the notification ({@code reminded_at} or {@code deadline_notified_at}) sent; true only
   * for the one caller that changed it, so each is sent once.
   */
  boolean claim(String id, String column, Instant now) {
    if (!column.equals("reminded_at") && !column.equals("deadline_notified_at")) {
      throw new IllegalArgumentException(column);
    }
    return jdbc.sql(
                "update scorecard_initiatives set "
                    + column
                    + " = ? where id = ? and "
                    + column
                    + " is null")
            .params(Timestamp.from(now), id)
            .update()
        == 1;
  }

  private static Initiative initiative(ResultSet rs, int row) throws SQLException {
    return new Initiative(
        rs.getString("id"),
        rs.getString("scorecard_id"),
        rs.getString("title"),
        rs.getString("target_level"),
        read(rs.getString("target_rules")),
        read(rs.getString("entity_filter")),
        rs.getTimestamp("deadline").toInstant(),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant(),
        instant(rs.getTimestamp("reminded_at")),
        instant(rs.getTimestamp("deadline_notified_at")));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static String write(List<String> values) {
    try {
      return JSON.writeValueAsString(values == null ? List.of() : values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> read(String json) {
    try {
      return json == null ? List.of() : JSON.readValue(json, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
