package dev.paved.workflows.access;

import dev.paved.workflows.audit.AuditEntry;
import dev.paved.workflows.steps.StepOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The audit entries a request has produced, and their recording. Update handlers add entries; only
 * the workflow's main thread records them (with the snapshot of the moment), so they reach the
 * trail in the order they happened. Ids are {@code <request id>#<sequence>}: a retried record
 * appends nothing twice.
 */
final class AccessJournal {

  /** A deadline that never comes. */
  static final long FOREVER = Long.MAX_VALUE;

  private static final Logger log = Workflow.getLogger(AccessJournal.class);

  private final AccessRecorder recorder =
      Workflow.newActivityStub(AccessRecorder.class, StepOptions.forBookkeeping());
  private final String requestId;
  private final String subject;
  private final Supplier<AccessSnapshot> snapshots;
  private final List<AuditEntry> pending = new ArrayList<>();
  private int sequence;
  private boolean recording;

  /** {@code recorded}: how many entries of the request were recorded before (when resumed). */
  AccessJournal(AccessInput input, Supplier<AccessSnapshot> snapshots, int recorded) {
    this.requestId = input.requestId();
    this.subject = input.subject();
    this.snapshots = snapshots;
    this.sequence = recorded;
  }

  void add(String actor, String action, Map<String, String> detail) {
    sequence++;
    pending.add(
        new AuditEntry(
            requestId + "#" + sequence,
            Workflow.currentTimeMillis(),
            actor,
            action,
            subject,
            detail));
  }

  /**
   * Waits until {@code done} or the deadline (epoch millis, or {@link #FOREVER}), recording entries
   * as they arrive; main thread only. Returns whether {@code done} became true.
   */
  boolean awaitUntil(long deadline, Supplier<Boolean> done) {
    while (true) {
      drain();
      if (done.get()) {
        return true;
      }
      if (deadline == FOREVER) {
        Workflow.await(() -> !pending.isEmpty() || done.get());
        continue;
      }
      long left = deadline - Workflow.currentTimeMillis();
      if (left <= 0) {
        return false;
      }
      Workflow.await(Duration.ofMillis(left), () -> !pending.isEmpty() || done.get());
    }
  }

  /** For update handlers: waits until their entries are recorded and {@code done} holds. */
  AccessSnapshot settled(Supplier<Boolean> done) {
    Workflow.await(() -> pending.isEmpty() && !recording && done.get());
    return snapshots.get();
  }

  /** Records every pending entry with the current snapshot; main thread only. */
  void drain() {
    while (!pending.isEmpty()) {
      AccessChange change = new AccessChange(snapshots.get(), List.copyOf(pending));
      pending.clear();
      recording = true;
      Workflow.newDetachedCancellationScope(
              () -> {
                try {
                  recorder.recordAccess(change);
                } catch (ActivityFailure e) {
                  log.warn("access request {} not recorded: {}", requestId, message(e));
                }
              })
          .run();
      recording = false;
    }
  }

  static String message(ActivityFailure failure) {
    Throwable cause = failure.getCause();
    if (cause instanceof ApplicationFailure app) {
      return app.getOriginalMessage();
    }
    return String.valueOf(cause == null ? failure.getMessage() : cause.getMessage());
  }
}
