package dev.paved.api.notifications;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paved.notifications.*}: where approvers are notified.
 *
 * @param webhookUrl the incoming webhook to POST to ({@code PAVED_NOTIFY_WEBHOOK_URL}); empty: no
 *     notifications, nothing is stored or sent
 * @param webhookSecret when set, each request carries {@code X-Paved-Signature: sha256=<HMAC-SHA256
 *     of the body>} ({@code PAVED_NOTIFY_WEBHOOK_SECRET})
 * @param pollInterval how often the sender looks for notifications to send
 */
@ConfigurationProperties("paved.notifications")
public record NotificationProperties(
    String webhookUrl, String webhookSecret, @DefaultValue("5s") Duration pollInterval) {

  public NotificationProperties {
    webhookUrl = webhookUrl == null ? "" : webhookUrl.strip();
    webhookSecret = webhookSecret == null ? "" : webhookSecret;
    if (!webhookUrl.isEmpty()) {
      URI uri = URI.create(webhookUrl);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new IllegalStateException(
            "PAVED_NOTIFY_WEBHOOK_URL must be an http or https address, not " + describe(uri));
      }
    }
  }

  /** Whether a webhook is configured. */
  public boolean enabled() {
    return !webhookUrl.isEmpty();
  }

  /**
   * The webhook as it may be logged: scheme, host and port only. Incoming webhooks carry their
   * credential in the path (Slack, Mattermost, Teams) or the query, so neither is ever shown.
   */
  public String safeWebhook() {
    return enabled() ? describe(URI.create(webhookUrl)) : "(none)";
  }

  private static String describe(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }

  /** Never the secret nor the webhook's path or query. */
  @Override
  public String toString() {
    return "NotificationProperties[webhook="
        + safeWebhook()
        + ", signed="
        + !webhookSecret.isEmpty()
        + ", pollInterval="
        + pollInterval
        + "]";
  }
}
