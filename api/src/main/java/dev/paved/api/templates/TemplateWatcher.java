package dev.paved.api.templates;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the template sources every {@code interval} and reloads when one changed (a file edited
 * in the folder, a new commit at a git location's ref). A zero or negative interval looks never.
 */
public final class TemplateWatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TemplateWatcher.class);

  private final ScheduledExecutorService scheduler;

  public TemplateWatcher(TemplateRegistry registry, Duration interval) {
    if (interval == null || interval.isZero() || interval.isNegative()) {
      scheduler = null;
      log.info("Template sources are read at start only (paved.templates-poll-interval is 0)");
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "paved-template-watcher");
              thread.setDaemon(true);
              return thread;
            });
    long millis = interval.toMillis();
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            if (registry.refresh(false)) {
              log.info("Templates changed and were reloaded");
            }
          } catch (RuntimeException e) {
            log.warn("Looking for template changes failed: {}", e.toString());
          }
        },
        millis,
        millis,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}
