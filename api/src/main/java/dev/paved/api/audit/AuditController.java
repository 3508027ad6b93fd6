package dev.paved.api.audit;

import dev.paved.api.Cursor;
import dev.paved.api.Items;
import dev.paved.api.Problems;
import dev.paved.api.identity.CurrentUser;
import dev.paved.api.identity.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail, for the platform team and the auditors. */
@Tag(name = "Audit", description = "Who did what, for the platform team and the auditors")
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

  private final AuditLog log;
  private final CurrentUsers users;

  AuditController(AuditLog log, CurrentUsers users) {
    this.log = log;
    this.users = users;
  }

  /** Newest first; {@code from} inclusive, {@code to} exclusive, both ISO-8601 instants. */
  @Operation(summary = "Search the audit trail, newest first, by pages")
  @ApiResponse(responseCode = "200", description = "the matching audit entries")
  @ApiResponse(
      responseCode = "400",
      description =
          "from or to not an ISO-8601 instant, a limit outside 1..1000, or a cursor this list"
              + " never gave")
  @ApiResponse(responseCode = "403", description = "neither of the platform team nor an auditor")
  @GetMapping
  Items<AuditEvent> list(
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String subject,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
      @Parameter(description = "the nextCursor of the previous page")
          @RequestParam(required = false)
          String cursor) {
    CurrentUser me = users.current();
    if (!users.mayReadAudit(me)) {
      throw Problems.forbidden("the audit trail is for the platform team and the auditors");
    }
    AuditLog.Query query =
        new AuditLog.Query(
            actor,
            subject,
            instant("from", from),
            instant("to", to),
            limit + 1,
            Cursor.decode(cursor));
    return Items.page(log.find(query), limit, AuditLog::positionOf, event -> event);
  }

  private static Instant instant(String name, String value) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw Problems.invalid(
          name + " must be an ISO-8601 instant such as 2026-11-28T10:00:00Z", Map.of());
    }
  }
}
