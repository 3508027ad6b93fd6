package dev.paved.api.notifications;

import dev.paved.api.notifications.NotificationOutbox.Pending;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends the outbox's due notifications to the webhook. A 2xx delivers; 5xx, 429 and I/O errors are
 * tried again after 10 s, doubling up to 15 minutes, for 24 hours; any other answer (a webhook that
 * is gone or refuses the body) gives up at once, so a misconfigured webhook is not called forever.
 * Delivery is at least once: a process stopped between a 2xx and its record sends again, with the
 * same {@code X-Paved-Event-Id}.
 */
public class WebhookSender {

  private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  static final Duration FIRST_RETRY = Duration.ofSeconds(10);
  static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
  static final Duration GIVE_UP_AFTER = Duration.ofHours(24);

  /** Longer than a call can take (callTimeout), so a claim never ends while its call runs. */
  static final Duration LEASE = Duration.ofMinutes(1);

  private static final int BATCH = 20;

  private final NotificationOutbox outbox;
  private final NotificationProperties properties;
  private final Clock clock;
  private final OkHttpClient http =
      new OkHttpClient.Builder()
          .connectTimeout(Duration.ofSeconds(3))
          .readTimeout(Duration.ofSeconds(5))
          .writeTimeout(Duration.ofSeconds(5))
          .callTimeout(Duration.ofSeconds(10))
          .followRedirects(false)
          .build();

  public WebhookSender(NotificationOutbox outbox, NotificationProperties properties, Clock clock) {
    this.outbox = outbox;
    this.properties = properties;
    this.clock = clock;
  }

  /** The scheduler's turn: a database that cannot be reached is one line, tried next turn. */
  @Scheduled(
      fixedDelayString = "${paved.notifications.poll-interval:5s}",
      initialDelayString = "${paved.notifications.poll-interval:5s}")
  void onSchedule() {
    try {
      sendDue();
    } catch (DataAccessException e) {
      log.warn("Notifications not sent this turn: {}", e.getMostSpecificCause().getMessage());
    }
  }

  /** Sends what is due; returns how many it tried. */
  public int sendDue() {
    if (!properties.enabled()) {
      return 0;
    }
    int tried = 0;
    for (Pending pending : outbox.claimDue(BATCH, LEASE)) {
      send(pending);
      tried++;
    }
    return tried;
  }

  private void send(Pending pending) {
    Request.Builder request =
        new Request.Builder()
            .url(properties.webhookUrl())
            .header("X-Paved-Event-Id", pending.eventId())
            .post(RequestBody.create(pending.payload(), JSON));
    if (!properties.webhookSecret().isEmpty()) {
      request.header("X-Paved-Signature", "sha256=" + sign(pending.payload()));
    }
    String failure;
    try (Response response = http.newCall(request.build()).execute()) {
      int code = response.code();
      if (response.isSuccessful()) {
        outbox.delivered(pending);
        return;
      }
      failure = "HTTP " + code;
      if (code != 429 && code < 500) {
        outbox.gaveUp(pending, failure);
        log.warn(
            "Webhook {} refused notification {} with {}: not sent again;"
                + " check PAVED_NOTIFY_WEBHOOK_URL",
            properties.safeWebhook(),
            pending.eventId(),
            failure);
        return;
      }
    } catch (IOException e) {
      failure =
          e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
    retryLater(pending, failure);
  }

  private void retryLater(Pending pending, String failure) {
    Instant now = clock.instant();
    if (!now.isBefore(pending.createdAt().plus(GIVE_UP_AFTER))) {
      outbox.gaveUp(pending, failure);
      log.warn(
          "Notification {} not delivered to {} within {} ({} attempts, last: {}): given up",
          pending.eventId(),
          properties.safeWebhook(),
          GIVE_UP_AFTER,
          pending.attempts() + 1,
          failure);
      return;
    }
    Duration wait = backoff(pending.attempts() + 1);
    outbox.retryAt(pending, now.plus(wait), failure);
    log.info(
        "Notification {} not delivered to {} ({}); trying again in {}s",
        pending.eventId(),
        properties.safeWebhook(),
        failure,
        wait.toSeconds());
  }

  /** The wait after the {@code attempts}-th failed attempt: 10 s, 20 s, 40 s, ... up to 15 min. */
  static Duration backoff(int attempts) {
    int doublings = Math.min(Math.max(attempts - 1, 0), 20);
    Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
    return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
  }

  private String sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(
              properties.webhookSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }
}
