package dev.paved.api.notifications;

import java.time.Duration;
import okhttp3.HttpUrl;
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
    // the message never repeats the address: its path or query may be the webhook's credential
    if (!webhookUrl.isEmpty() && HttpUrl.parse(webhookUrl) == null) {
      throw new IllegalStateException(
          "PAVED_NOTIFY_WEBHOOK_URL (paved.notifications.webhook-url) is not an http or https"
              + " address");
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
    if (!enabled()) {
      return "(none)";
    }
    HttpUrl url = HttpUrl.get(webhookUrl);
    return url.scheme() + "://" + url.host() + ":" + url.port();
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
