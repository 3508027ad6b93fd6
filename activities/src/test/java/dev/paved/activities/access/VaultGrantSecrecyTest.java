package dev.paved.activities.access;

import static dev.paved.activities.access.VaultGrantProviderTest.ACCESSOR;
import static dev.paved.activities.access.VaultGrantProviderTest.ISSUED_TOKEN;
import static dev.paved.testfixtures.vault.FakeVault.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.withSettings;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.paved.testfixtures.vault.FakeVault;
import dev.paved.workflows.access.AccessAction;
import dev.paved.workflows.access.AccessChange;
import dev.paved.workflows.access.AccessInput;
import dev.paved.workflows.access.AccessRecorder;
import dev.paved.workflows.access.AccessRequestWorkflow;
import dev.paved.workflows.access.AccessRequestWorkflowImpl;
import dev.paved.workflows.access.AccessSnapshot;
import dev.paved.workflows.access.AccessStatus;
import dev.paved.workflows.approval.ApprovalRule;
import dev.paved.workflows.approval.Caller;
import dev.paved.workflows.approval.DecisionRequest;
import dev.paved.workflows.steps.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.slf4j.LoggerFactory;

/**
 * A whole access request on the real workflow and the Vault grant provider (against the stand-in):
 * the issued token and Paved's own token reach neither workflow history, nor the records and audit
 * entries Paved keeps, nor the log.
 */
class VaultGrantSecrecyTest {

  private final FakeVault vault = new FakeVault();
  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  private final AccessRecorder recorder =
      mock(AccessRecorder.class, withSettings().withoutAnnotations());
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  @AfterEach
  void stop() {
    root.detachAppender(log);
    env.close();
    vault.close();
  }

  @Test
  void noTokenReachesHistoryRecordsAuditOrLog() {
    log.start();
    root.addAppender(log);
    Worker access = env.newWorker(TaskQueues.ACCESS);
    access.registerWorkflowImplementationTypes(AccessRequestWorkflowImpl.class);
    access.registerActivitiesImplementations(
        new GrantActivitiesImpl(
            new VaultGrantProvider(VaultGrantProviderTest.settings(vault, null))));
    env.newWorker(TaskQueues.API).registerActivitiesImplementations(recorder);
    env.start();
    AccessInput input =
        new AccessInput(
            "a-0123456789abcdef",
            "component:default/checkout",
            "production",
            "write",
            "incident 4711",
            Duration.ofHours(1),
            "alice",
            false,
            "team-payments",
            new ApprovalRule(List.of("team-payments", "sre"), 1),
            Duration.ofHours(24),
            Duration.ofHours(24),
            "platform");
    AccessRequestWorkflow request =
        env.getWorkflowClient()
            .newWorkflowStub(
                AccessRequestWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(AccessInput.workflowId(input.requestId()))
                    .setTaskQueue(TaskQueues.ACCESS)
                    .build());
    WorkflowClient.start(request::run, input, null);

    AccessSnapshot active =
        request.decide(
            new DecisionRequest(new Caller("bob", List.of("team-payments")), "approve", "ok"));
    request.revoke(new AccessAction(new Caller("alice", List.of("team-payments")), "done"));
    AccessSnapshot end = WorkflowStub.fromTyped(request).getResult(AccessSnapshot.class);

    assertThat(active.status()).isEqualTo(AccessStatus.ACTIVE);
    assertThat(active.grantRef()).isEqualTo(ACCESSOR);
    assertThat(end.status()).isEqualTo(AccessStatus.REVOKED);
    String history =
        env.getWorkflowClient()
            .fetchHistory(AccessInput.workflowId(input.requestId()))
            .getHistory()
            .toByteString()
            .toStringUtf8();
    assertThat(history).contains(ACCESSOR).doesNotContain(ISSUED_TOKEN, TOKEN);
    ArgumentCaptor<AccessChange> changes = ArgumentCaptor.forClass(AccessChange.class);
    verify(recorder, atLeastOnce()).recordAccess(changes.capture());
    assertThat(changes.getAllValues().toString()).doesNotContain(ISSUED_TOKEN, TOKEN);
    assertThat(log.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .anySatisfy(line -> assertThat(line).contains("alice holds write"))
        .allSatisfy(line -> assertThat(line).doesNotContain(ISSUED_TOKEN, TOKEN));
  }
}
