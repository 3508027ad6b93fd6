package dev.paved.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.workflows.audit.AuditEntry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a waiver's approvers and an initiative's owners read, and where its link leads. */
class ScorecardNotificationMessagesTest {

  @Test
  void aRequestedWaiverAsksItsApproversNamingTheRuleAndTheEntity() {
    AuditEntry requested =
        new AuditEntry(
            "w-1#1",
            0,
            "alice",
            "scorecard.waiver.requested",
            "scorecard-waiver:w-1",
            Map.of(
                "scorecard", "production-readiness",
                "rule", "coverage",
                "entity", "component:default/ledger",
                "expiresAt", "2027-01-01T00:00:00Z",
                "reason", "legacy module",
                "approvers", "platform,sre"));

    assertThat(NotificationMessages.notifies(requested)).isTrue();
    assertThat(NotificationMessages.text(requested))
        .contains(
            "alice", "coverage", "component:default/ledger", "legacy module", "platform or sre");
    assertThat(NotificationMessages.link(requested.subject(), "https://paved.example.com/"))
        .isEqualTo("https://paved.example.com/api/v1/scorecards/waivers/w-1");
    AuditEntry approved =
        new AuditEntry(
            "w-1#2", 0, "pat", "scorecard.waiver.approved", "scorecard-waiver:w-1", null);
    assertThat(NotificationMessages.notifies(approved)).isFalse();
  }

  @Test
  void anInitiativeNoticeTellsTheOwnerWhichEntitiesAreBehind() {
    AuditEntry reminder =
        new AuditEntry(
            "i-1#reminder:team-search",
            0,
            "paved",
            "scorecard.initiative.reminder",
            "scorecard-initiative:i-1",
            Map.of(
                "owner", "team-search",
                "title", "Everything Silver",
                "target", "level Silver",
                "deadline", "2027-01-01T00:00:00Z",
                "notMeeting", "1",
                "entities", "component:default/search"));

    assertThat(NotificationMessages.notifies(reminder)).isTrue();
    assertThat(NotificationMessages.text(reminder))
        .startsWith("A week left")
        .contains("team-search", "Everything Silver", "component:default/search", "due 2027");
    assertThat(NotificationMessages.link(reminder.subject(), "https://paved.example.com"))
        .isEqualTo("https://paved.example.com/api/v1/scorecards/initiatives/i-1");
  }
}
