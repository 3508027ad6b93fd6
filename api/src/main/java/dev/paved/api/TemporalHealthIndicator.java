package dev.paved.api;

import dev.paved.worker.TemporalProperties;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health}'s "temporal": whether the Temporal service answers, and which one. */
@Component("temporal")
class TemporalHealthIndicator implements HealthIndicator {

  private final WorkflowServiceStubs stubs;
  private final TemporalProperties temporal;

  TemporalHealthIndicator(WorkflowServiceStubs stubs, TemporalProperties temporal) {
    this.stubs = stubs;
    this.temporal = temporal;
  }

  @Override
  public Health health() {
    Health.Builder health =
        Health.unknown()
            .withDetail("mode", temporal.embedded() ? "embedded" : "cluster")
            .withDetail("namespace", temporal.namespace())
            .withDetail("tls", temporal.tls().enabled());
    try {
      stubs
          .blockingStub()
          .withDeadlineAfter(3, TimeUnit.SECONDS)
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      return health.up().build();
    } catch (RuntimeException e) {
      return health.down().withDetail("error", String.valueOf(e.getMessage())).build();
    }
  }
}
