package dev.paved.api.notifications;

import dev.paved.worker.PavedProperties;
import java.time.Clock;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Webhook notifications for approvers (docs/access.md, Notifications). Scheduling is enabled here
 * for the sender; nothing else in Paved uses {@code @Scheduled}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

  @Bean
  NotificationOutbox notificationOutbox(
      JdbcClient jdbc, Clock clock, NotificationProperties notifications, PavedProperties paved) {
    if (notifications.enabled()) {
      LoggerFactory.getLogger(NotificationOutbox.class)
          .info(
              "Approvers are notified at webhook {}{}",
              notifications.safeWebhook(),
              notifications.webhookSecret().isEmpty() ? "" : " (signed)");
    }
    return new NotificationOutbox(jdbc, clock, notifications.enabled(), paved.publicUrl());
  }

  @Bean
  WebhookSender webhookSender(
      NotificationOutbox outbox, NotificationProperties notifications, Clock clock) {
    return new WebhookSender(outbox, notifications, clock);
  }
}
