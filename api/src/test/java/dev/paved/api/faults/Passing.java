package dev.paved.api.faults;

import static dev.paved.api.faults.FaultSuiteTest.OWNER;
import static dev.paved.api.faults.FaultSuiteTest.SLOW;
import static dev.paved.api.faults.FaultSuiteTest.WAIT_SECONDS;

import dev.paved.testfixtures.Fault;

/** A fault that ends within the retry budget, as each system would send it. */
enum Passing {
  SERVER_ERRORS {
    @Override
    void inject(String name) {
      FaultSuiteTest.GITHUB.faults().next(2, "POST", repos(), Fault.status(502));
      FaultSuiteTest.VAULT.faults().next(2, "POST", "/v1/sys/policies/acl/.*", Fault.status(503));
      FaultSuiteTest.GRAFANA.faults().next(2, "POST", "/api/dashboards/db", Fault.status(503));
    }
  },
  RATE_LIMITED_WITH_RETRY_AFTER {
    @Override
    void inject(String name) {
      FaultSuiteTest.GITHUB.faults().next(1, "POST", repos(), Fault.retryAfter(429, WAIT_SECONDS));
      FaultSuiteTest.VAULT
          .faults()
          .next(1, "POST", "/v1/sys/policies/acl/.*", Fault.retryAfter(429, WAIT_SECONDS));
      FaultSuiteTest.GRAFANA
          .faults()
          .next(1, "POST", "/api/dashboards/db", Fault.retryAfter(429, WAIT_SECONDS));
    }
  },
  SECONDARY_LIMIT_OR_UNAVAILABLE_WITH_RETRY_AFTER {
    @Override
    void inject(String name) {
      FaultSuiteTest.GITHUB
          .faults()
          .next(1, "POST", repos(), Fault.githubSecondaryLimit(WAIT_SECONDS));
      FaultSuiteTest.VAULT
          .faults()
          .next(1, "POST", "/v1/sys/policies/acl/.*", Fault.retryAfter(503, WAIT_SECONDS));
      FaultSuiteTest.GRAFANA
          .faults()
          .next(1, "POST", "/api/dashboards/db", Fault.retryAfter(503, WAIT_SECONDS));
    }
  },
  SLOW_ANSWERS {
    @Override
    void inject(String name) {
      // served, but answered after the step's timeout: the next attempt finds the work done
      FaultSuiteTest.GITHUB
          .faults()
          .next(
              1,
              "PUT",
              "/api/v3/repos/" + OWNER + "/" + name + "/branches/main/protection",
              Fault.slow(SLOW));
      FaultSuiteTest.VAULT.faults().next(1, "POST", "/v1/sys/policies/acl/.*", Fault.slow(SLOW));
      FaultSuiteTest.GRAFANA.faults().next(1, "POST", "/api/dashboards/db", Fault.slow(SLOW));
    }
  },
  RESET_CONNECTIONS {
    @Override
    void inject(String name) {
      FaultSuiteTest.GITHUB.faults().next(2, "POST", repos(), Fault.reset());
      FaultSuiteTest.VAULT.faults().next(2, "POST", "/v1/sys/policies/acl/.*", Fault.reset());
      FaultSuiteTest.GRAFANA.faults().next(2, "POST", "/api/dashboards/db", Fault.reset());
    }
  };

  abstract void inject(String name);

  static String repos() {
    return "/api/v3/orgs/" + OWNER + "/repos";
  }
}
