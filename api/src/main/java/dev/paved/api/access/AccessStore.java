package dev.paved.api.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.paved.api.Cursor;
import dev.paved.workflows.access.AccessInput;
import dev.paved.workflows.access.AccessSnapshot;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The {@code access_requests} table: each request's latest snapshot and its filter columns. */
@Repository
class AccessStore {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final JdbcClient jdbc;

  AccessStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored request: its snapshot and when Paved first and last recorded it. */
  record Stored(AccessSnapshot snapshot, Instant createdAt, Instant updatedAt) {
    String id() {
      return snapshot.request().requestId();
    }

    /** Where the request stands in a list's order. */
    Cursor position() {
      return new Cursor(createdAt, id());
    }
  }

  void insert(AccessSnapshot snapshot, Instant now) {
    insert(snapshot, now, null, null);
  }

  /**
   * Inserts a new request with the caller's Idempotency-Key (null for none) and the hash of what
   * was asked; a key the requester used before throws {@code DuplicateKeyException}.
   */
  @Transactional
  void insert(AccessSnapshot snapshot, Instant now, String idempotencyKey, String requestHash) {
    AccessInput request = snapshot.request();
    jdbc.sql(
            """
            insert into access_requests (id, workflow_id, service, environment, role,
              requested_by, owner_group, break_glass, status, snapshot, created_at, updated_at,
              idempotency_key, request_hash)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            request.requestId(),
            AccessInput.workflowId(request.requestId()),
            request.service(),
            request.environment(),
            request.role(),
            request.requestedBy(),
            request.ownerGroup(),
            request.breakGlass(),
            snapshot.status().name(),
            write(snapshot),
            Timestamp.from(now),
            Timestamp.from(now),
            idempotencyKey,
            requestHash)
        .update();
    // who may see it: the list filters on these rows (deleted with the request)
    for (String group : new LinkedHashSet<>(request.approvers().groups())) {
      jdbc.sql("insert into access_request_groups (request_id, group_name) values (?, ?)")
          .params(request.requestId(), group)
          .update();
    }
  }

  /** A request found by its Idempotency-Key, and the hash of what was asked with it. */
  record Keyed(Stored request, String requestHash) {}

  Optional<Keyed> findByIdempotencyKey(String requestedBy, String idempotencyKey) {
    return jdbc.sql(
            "select snapshot, created_at, updated_at, request_hash from access_requests"
                + " where requested_by = ? and idempotency_key = ?")
        .params(requestedBy, idempotencyKey)
        .query((rs, row) -> new Keyed(stored(rs, row), rs.getString("request_hash")))
        .optional();
  }

  /** Stores the workflow's latest snapshot (the newest record wins). */
  void record(AccessSnapshot snapshot, Instant now) {
    int updated =
        jdbc.sql("update access_requests set status = ?, snapshot = ?, updated_at = ? where id = ?")
            .params(
                snapshot.status().name(),
                write(snapshot),
                Timestamp.from(now),
                snapshot.request().requestId())
            .update();
    if (updated == 0) {
      insert(snapshot, now);
    }
  }

  void delete(String id) {
    jdbc.sql("delete from access_requests where id = ?").param(id).update();
  }

  Optional<Stored> find(String id) {
    return jdbc.sql("select snapshot, created_at, updated_at from access_requests where id = ?")
        .param(id)
        .query(this::stored)
        .optional();
  }

  /**
   * Who reads a list, when they may not see every request: their own requests and those their
   * groups approve.
   */
  record Reader(String user, Set<String> groups) {}

  /** Newest first; {@code requestedBy} and {@code status} null for all. */
  List<Stored> list(String requestedBy, String status, int limit) {
    return list(requestedBy, status, limit, null);
  }

  /**
   * Newest first, only what {@code reader} may see (null: everything). Filtered in SQL, so {@code
   * limit} counts visible requests.
   */
  List<Stored> list(String requestedBy, String status, int limit, Reader reader) {
    return list(null, requestedBy, status, limit, reader);
  }

  /** As {@link #list(String, String, int, Reader)}, of one service when {@code service} is set. */
  List<Stored> list(String service, String requestedBy, String status, int limit, Reader reader) {
    return list(service, requestedBy, status, limit, reader, null);
  }

  /** As {@link #list(String, String, String, int, Reader)}, after {@code after} in its order. */
  List<Stored> list(
      String service, String requestedBy, String status, int limit, Reader reader, Cursor after) {
    StringBuilder sql =
        new StringBuilder("select snapshot, created_at, updated_at from access_requests where 1=1");
    List<Object> params = new ArrayList<>();
    if (service != null) {
      sql.append(" and service = ?");
      params.add(service);
    }
    if (reader != null) {
      sql.append(" and (requested_by = ?");
      params.add(reader.user());
      if (!reader.groups().isEmpty()) {
        sql.append(" or id in (select request_id from access_request_groups where group_name in (")
            .append(String.join(", ", Collections.nCopies(reader.groups().size(), "?")))
            .append("))");
        params.addAll(reader.groups());
      }
      sql.append(")");
    }
    if (requestedBy != null) {
      sql.append(" and requested_by = ?");
      params.add(requestedBy);
    }
    if (status != null) {
      sql.append(" and status = ?");
      params.add(status);
    }
    if (after != null) {
      sql.append(" and (created_at < ? or (created_at = ? and id < ?))");
      params.add(Timestamp.from(after.at()));
      params.add(Timestamp.from(after.at()));
      params.add(after.key());
    }
    sql.append(" order by created_at desc, id desc limit ?");
    params.add(limit);
    return jdbc.sql(sql.toString()).params(params).query(this::stored).list();
  }

  /**
   * Every request whose workflow should still be running, oldest first: waiting, granted, or a
   * break-glass access whose review is still open after its grant ended.
   */
  List<Stored> open() {
    return jdbc
        .sql(
            "select snapshot, created_at, updated_at from access_requests"
                + " where status in ('PENDING', 'ACTIVE') or break_glass = true"
                + " order by created_at, id")
        .query(this::stored)
        .list()
        .stream()
        .filter(
            stored -> {
              AccessSnapshot s = stored.snapshot();
              return s.status().isOpen() || (s.reviewDueAt() != null && s.acknowledgedBy() == null);
            })
        .toList();
  }

  private Stored stored(ResultSet rs, int row) throws SQLException {
    try {
      return new Stored(
          JSON.readValue(rs.getString("snapshot"), AccessSnapshot.class),
          rs.getTimestamp("created_at").toInstant(),
          rs.getTimestamp("updated_at").toInstant());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read a stored access request", e);
    }
  }

  private static String write(AccessSnapshot snapshot) {
    try {
      return JSON.writeValueAsString(snapshot);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an access request", e);
    }
  }
}
