package dev.paved.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.workflows.audit.AuditEntry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which run ends notify: only those that leave something behind, naming it. */
class NotificationMessagesTest {

  private static final String LEFT =
      "secrets (paved:vault:secrets: vault secret secret/team-payments/refunds): Vault answered"
          + " 503";

  @Test
  void aRunThatGaveUpUndoingNotifiesNamingWhatIsLeft() {
    AuditEntry failed =
        entry("run.failed", Map.of("serviceKey", "team-payments/refunds", "leftovers", LEFT));

    assertThat(NotificationMessages.notifies(failed)).isTrue();
    assertThat(NotificationMessages.text(failed))
        .contains("r-1", "team-payments/refunds", "left something behind", LEFT);
  }

  @Test
  void aRunRollingBackNotifiesThatPavedKeepsTrying() {
    AuditEntry rolling =
        entry("run.rolling_back", Map.of("serviceKey", "team-payments/refunds", "leftovers", LEFT));

    assertThat(NotificationMessages.notifies(rolling)).isTrue();
    assertThat(NotificationMessages.text(rolling)).contains("keeps trying", LEFT);
  }

  @Test
  void aFailedRunThatLeftNothingDoesNotNotify() {
    assertThat(NotificationMessages.notifies(entry("run.failed", Map.of("failedStep", "x"))))
        .isFalse();
    assertThat(NotificationMessages.notifies(entry("run.rolled_back", Map.of()))).isFalse();
  }

  private static AuditEntry entry(String action, Map<String, String> detail) {
    return new AuditEntry("run:r-1#" + action, 0L, AuditEntry.PAVED, action, "run:r-1", detail);
  }
}
