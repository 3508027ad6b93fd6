package dev.paved.api.access;

import dev.paved.api.audit.AuditLog;
import dev.paved.worker.TemporalProperties;
import dev.paved.workflows.access.AccessInput;
import dev.paved.workflows.access.AccessSnapshot;
import dev.paved.workflows.access.AccessStatus;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Local mode's promise that no access outlives its time. The embedded Temporal server forgets every
 * workflow when {@code ./paved up} stops, timers included; on the next start each request Paved's
 * own record still shows open (waiting, granted, or a break-glass review not yet acknowledged) is
 * started again from that record: a grant is held, not made again, and revoked at its original end
 * (at once when that passed while Paved was stopped); a waiting request keeps its deadline and the
 * decisions taken; a review keeps its due time. With a Temporal cluster, workflows outlive Paved
 * and nothing is done here.
 */
@Component
class AccessRecovery {

  private static final Logger log = LoggerFactory.getLogger(AccessRecovery.class);

  private final TemporalProperties temporal;
  private final AccessStore store;
  private final AuditLog audit;
  private final AccessWorkflows workflows;
  private final Clock clock;

  AccessRecovery(
      TemporalProperties temporal,
      AccessStore store,
      AuditLog audit,
      AccessWorkflows workflows,
      Clock clock) {
    this.temporal = temporal;
    this.store = store;
    this.audit = audit;
    this.workflows = workflows;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void recoverOpenRequests() {
    if (!temporal.embedded()) {
      return;
    }
    for (AccessStore.Stored stored : store.open()) {
      recover(stored.snapshot());
    }
  }

  void recover(AccessSnapshot snapshot) {
    AccessInput request = snapshot.request();
    try {
      workflows.resume(snapshot, recordedEntries(request));
      log.info(
          "Access request {} ({} of {} on {}) was {} when Paved stopped: started again from its"
              + " record{}",
          request.requestId(),
          request.role(),
          request.requestedBy(),
          request.service(),
          snapshot.status(),
          grantEnd(snapshot));
    } catch (WorkflowExecutionAlreadyStarted running) {
      log.info("Access request {}: its workflow is running already", request.requestId());
    } catch (RuntimeException e) {
      log.error(
          "Access request {} ({}) could not be started again after Paved stopped: {}.{}",
          request.requestId(),
          snapshot.status(),
          e.toString(),
          snapshot.status() == AccessStatus.ACTIVE
              ? " Its grant will not be revoked by Paved: revoke it by hand"
              : "");
    }
  }

  private String grantEnd(AccessSnapshot snapshot) {
    if (snapshot.status() != AccessStatus.ACTIVE) {
      return "";
    }
    Instant end = Instant.ofEpochMilli(snapshot.expiresAt());
    return end.isAfter(clock.instant())
        ? "; its grant is revoked at " + end
        : "; its grant ended at " + end + ", while Paved was stopped: revoked now";
  }

  /** How many audit entries the request's workflow recorded: ids {@code <id>#1..n}. */
  private int recordedEntries(AccessInput request) {
    String prefix = request.requestId() + "#";
    return audit.eventIds(request.subject()).stream()
        .filter(id -> id.startsWith(prefix))
        .mapToInt(id -> parse(id.substring(prefix.length())))
        .max()
        .orElse(0);
  }

  private static int parse(String sequence) {
    try {
      return Integer.parseInt(sequence);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
