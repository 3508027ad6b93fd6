package dev.paved.api;

import dev.paved.activities.github.GithubConnection;
import dev.paved.worker.github.GithubConfigured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health}'s "github", when Paved publishes to GitHub: whether GitHub answers
 * {@code GET /rate_limit} with Paved's credentials (for an App, after getting an installation
 * token), and how many requests are left this hour. That call does not count against the limit.
 */
@Component("github")
@Conditional(GithubConfigured.class)
class GithubHealthIndicator implements HealthIndicator {

  static final long TIMEOUT_SECONDS = 5;

  private final GithubConnection github;

  GithubHealthIndicator(GithubConnection github) {
    this.github = github;
  }

  @Override
  public Health health() {
    Health.Builder health =
        Health.unknown()
            .withDetail("apiUrl", github.apiUrl())
            .withDetail("authentication", github.authentication());
    try {
      GithubConnection.Check check =
          CompletableFuture.supplyAsync(this::check).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return health.up().withDetail("remainingRequests", check.remainingRequests()).build();
    } catch (TimeoutException e) {
      return health
          .down()
          .withDetail("error", "no answer within " + TIMEOUT_SECONDS + " s")
          .build();
    } catch (ExecutionException e) {
      return health.down().withDetail("error", String.valueOf(e.getCause().getMessage())).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return health.down().withDetail("error", "interrupted").build();
    }
  }

  private GithubConnection.Check check() {
    try {
      return github.check();
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }
}
