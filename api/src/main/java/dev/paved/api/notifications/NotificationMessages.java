package dev.paved.api.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paved.workflows.audit.AuditEntry;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which audit entries notify, and what the webhook receives for one: a JSON body that Slack-,
 * Mattermost- and Teams-style incoming webhooks show ({@code text}) and a program can read (the
 * other fields).
 */
final class NotificationMessages {

  /**
   * The actions that ask a person to act; kept short on purpose (docs/access.md, Notifications;
   * docs/scorecards.md for waivers and initiatives).
   */
  static final Set<String> ACTIONS =
      Set.of(
          "run.waiting_approval",
          "run.rolling_back",
          "run.failed",
          "access.requested",
          "access.break-glass",
          "access.review-overdue",
          "scorecard.waiver.requested",
          "scorecard.initiative.reminder",
          "scorecard.initiative.deadline");

  private static final ObjectMapper JSON = new ObjectMapper();

  private NotificationMessages() {}

  /**
   * Whether the entry notifies; a break-glass request notifies by its own entry, once; a rolling
   * back or failed run only when it leaves something behind (someone may have to remove it).
   */
  static boolean notifies(AuditEntry entry) {
    if (entry.action().equals("run.rolling_back") || entry.action().equals("run.failed")) {
      return entry.detail().containsKey("leftovers");
    }
    return ACTIONS.contains(entry.action())
        && !(entry.action().equals("access.requested")
            && "true".equals(entry.detail().get("breakGlass")));
  }

  /** The body sent for the entry, with links under {@code publicUrl}. */
  static String payload(AuditEntry entry, String publicUrl) {
    ObjectNode body = JSON.createObjectNode();
    body.put("text", text(entry));
    body.put("event", entry.action());
    body.put("subject", entry.subject());
    body.put("actor", entry.actor());
    body.put("occurredAt", Instant.ofEpochMilli(entry.occurredAt()).toString());
    body.put("link", link(entry.subject(), publicUrl));
    body.set("detail", JSON.valueToTree(new TreeMap<>(entry.detail())));
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The address in Paved's API of the run, access request, waiver or initiative. */
  static String link(String subject, String publicUrl) {
    String base =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    if (subject.startsWith("run:")) {
      return base + "/api/v1/runs/" + subject.substring("run:".length());
    }
    if (subject.startsWith("access-request:")) {
      return base + "/api/v1/access-requests/" + subject.substring("access-request:".length());
    }
    if (subject.startsWith("scorecard-waiver:")) {
      return base + "/api/v1/scorecards/waivers/" + subject.substring("scorecard-waiver:".length());
    }
    if (subject.startsWith("scorecard-initiative:")) {
      return base
          + "/api/v1/scorecards/initiatives/"
          + subject.substring("scorecard-initiative:".length());
    }
    return base;
  }

  /** One sentence a person reads in a chat channel. */
  static String text(AuditEntry entry) {
    Map<String, String> d = entry.detail();
    String id = entry.subject().substring(entry.subject().indexOf(':') + 1);
    return switch (entry.action()) {
      case "run.waiting_approval" ->
          "Run %s of %s for %s%s needs approval%s%s"
              .formatted(
                  id,
                  d.getOrDefault("template", "?"),
                  d.getOrDefault("serviceKey", "?"),
                  d.containsKey("requestedBy")
                      ? ", requested by " + d.get("requestedBy") + ","
                      : "",
                  d.containsKey("approvers")
                      ? " from " + String.join(" or ", d.get("approvers").split(","))
                      : "",
                  d.containsKey("message") ? ": " + d.get("message") : ".");
      case "run.rolling_back", "run.failed" ->
          "Run %s of %s for %s failed and %s: %s"
              .formatted(
                  id,
                  d.getOrDefault("template", "?"),
                  d.getOrDefault("serviceKey", "?"),
                  entry.action().equals("run.failed")
                      ? "left something behind, remove it by hand"
                      : "could not undo everything yet; Paved keeps trying",
                  d.get("leftovers"));
      case "access.requested" ->
          "%s asks for %s access to %s (%s) for %s: %s. Approve or reject request %s."
              .formatted(
                  entry.actor(),
                  d.getOrDefault("role", "?"),
                  d.getOrDefault("service", "?"),
                  d.getOrDefault("environment", "?"),
                  d.getOrDefault("duration", "?"),
                  d.getOrDefault("reason", ""),
                  id);
      case "access.break-glass" ->
          "Break-glass: %s took access without approval (request %s); %s must review it."
              .formatted(entry.actor(), id, d.getOrDefault("notified", "the owning team"));
      case "access.review-overdue" ->
          "Break-glass access of request %s is not acknowledged in time by %s."
              .formatted(id, d.getOrDefault("owner", "the owning team"));
      case "scorecard.waiver.requested" ->
          "%s asks to waive %s of scorecard %s for %s until %s: %s. %s decide waiver %s."
              .formatted(
                  entry.actor(),
                  d.getOrDefault("rule", "?"),
                  d.getOrDefault("scorecard", "?"),
                  d.getOrDefault("entity", "?"),
                  d.getOrDefault("expiresAt", "?"),
                  d.getOrDefault("reason", ""),
                  String.join(" or ", d.getOrDefault("approvers", "approvers").split(",")),
                  id);
      case "scorecard.initiative.reminder", "scorecard.initiative.deadline" ->
          "%s: %s of %s's entities do not meet initiative '%s' (%s)%s: %s"
              .formatted(
                  entry.action().endsWith("reminder") ? "A week left" : "Deadline reached",
                  d.getOrDefault("notMeeting", "?"),
                  d.getOrDefault("owner", "?"),
                  d.getOrDefault("title", "?"),
                  d.getOrDefault("target", "?"),
                  entry.action().endsWith("reminder")
                      ? ", due " + d.getOrDefault("deadline", "?")
                      : "",
                  d.getOrDefault("entities", ""));
      default -> entry.action() + " on " + entry.subject();
    };
  }
}
