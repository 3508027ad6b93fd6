package dev.paved.api.faults;

import static dev.paved.api.faults.FaultSuiteTest.ATTEMPTS;
import static dev.paved.api.faults.FaultSuiteTest.GITOPS;
import static org.awaitility.Awaitility.await;

import dev.paved.testfixtures.Fault;
import dev.paved.testfixtures.StandIn;
import java.time.Duration;

/**
 * Which system goes down, after it made the run's resource: a later step then fails for good (the
 * outage itself, or another system refusing), and the rollback meets the outage when it undoes what
 * the system made.
 */
enum Outage {
  /** GitHub goes down at the GitOps step: the GitOps step fails, the repository's undo waits. */
  GITHUB {
    @Override
    StandIn standIn() {
      return FaultSuiteTest.GITHUB;
    }

    @Override
    void begin(String name) {
      FaultSuiteTest.GITHUB
          .faults()
          .outageFrom(null, "/api/v3/repos/" + GITOPS + "(/.*)?", Fault.status(503));
    }
  },
  /** Grafana refuses every dashboard, and Vault goes down meanwhile: the secret's undo waits. */
  VAULT {
    @Override
    StandIn standIn() {
      return FaultSuiteTest.VAULT;
    }

    @Override
    void begin(String name) {
      FaultSuiteTest.GRAFANA.faults().outage("POST", "/api/dashboards/db", Fault.status(503));
      await("the dashboard step meets Grafana's outage")
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> !FaultSuiteTest.GRAFANA.faults().injected().isEmpty());
      FaultSuiteTest.VAULT.faults().outage(Fault.status(503));
    }
  },
  /** GitHub's GitOps repository fails the GitOps step, and Grafana goes down meanwhile. */
  GRAFANA {
    @Override
    StandIn standIn() {
      return FaultSuiteTest.GRAFANA;
    }

    @Override
    void begin(String name) {
      // as many failures as the GitOps step has attempts (each fails at its first request):
      // the step fails for good, and GitHub answers the rollback again
      FaultSuiteTest.GITHUB
          .faults()
          .next(ATTEMPTS, null, "/api/v3/repos/" + GITOPS + "(/.*)?", Fault.status(503));
      await("the GitOps step meets GitHub's outage")
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> !FaultSuiteTest.GITHUB.faults().injected().isEmpty());
      FaultSuiteTest.GRAFANA.faults().outage(Fault.status(503));
    }
  };

  abstract StandIn standIn();

  /** Begins the outage (once the run has started). */
  abstract void begin(String name);
}
