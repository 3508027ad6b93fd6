package dev.paved.api.scorecards.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.testfixtures.argocd.FakeArgoCd;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Argo CD's deployment history (its stand-in): the newest deployedAt, and its answers' errors. */
class DeploymentsArgoCdTest {

  private final FakeArgoCd argo = new FakeArgoCd();

  @AfterEach
  void close() {
    argo.close();
  }

  @Test
  void theNewestDeploymentOfTheHistory() {
    argo.application(
        "payments",
        List.of(
            Instant.parse("2026-11-01T10:00:00Z"),
            Instant.parse("2026-11-20T08:30:00Z"),
            Instant.parse("2026-11-10T12:00:00Z")));
    ArgoCd.Deployed deployed =
        new ArgoCd(argo.url() + "/", FakeArgoCd.TOKEN).lastDeployed("payments");
    assertThat(deployed.deployedAt()).isEqualTo(Instant.parse("2026-11-20T08:30:00Z"));
    assertThat(argo.lines()).containsExactly("GET /api/v1/applications/payments");
    assertThat(argo.calls().get(0).header("Authorization")).isEqualTo("Bearer " + FakeArgoCd.TOKEN);
  }

  @Test
  void unknownApplicationsRefusedTokensAndOutages() {
    argo.application("ledger", List.of());
    ArgoCd client = new ArgoCd(argo.url(), FakeArgoCd.TOKEN);
    assertThat(client.lastDeployed("ledger").why()).contains("no deployment history");
    assertThat(client.lastDeployed("nope").why())
        .isEqualTo("Argo CD has no application nope the token may read (403)");
    argo.notFoundAs404();
    assertThat(client.lastDeployed("nope").why()).isEqualTo("Argo CD has no application nope");
    assertThat(new ArgoCd(argo.url(), "wrong").lastDeployed("ledger").why())
        .isEqualTo("Argo CD refused the token (401)");
    argo.failNext(1, "GET", "/api/v1/applications/.*", 502, "{}");
    assertThatThrownBy(() -> client.lastDeployed("ledger"))
        .isInstanceOf(SourceUnanswered.class)
        .hasMessage("Argo CD answered 502");
    assertThat(argo.unhandled()).isEmpty();
  }
}
