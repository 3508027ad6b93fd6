package dev.paved.activities.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.testfixtures.Fault;
import dev.paved.testfixtures.vault.FakeVault;
import dev.paved.workflows.steps.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Vault's faults as step failures, against the stand-in's fault plan: a 429 or 503 with {@code
 * Retry-After} sets the next attempt's delay to what Vault asks; a reset connection and an answer
 * later than the read timeout are retryable; the store works again once the fault is over.
 */
class VaultFaultsTest {

  static final String PATH = "secret/team-payments/checkout/development";
  static final String META = "/v1/secret/metadata/team-payments/checkout/development";

  FakeVault vault;
  VaultSecretStore store;

  @BeforeEach
  void setUp() {
    vault = new FakeVault();
    store = new VaultSecretStore(VaultSettings.withToken(vault.address(), FakeVault.TOKEN));
  }

  @AfterEach
  void tearDown() {
    vault.close();
  }

  @Test
  void aRateLimitWithRetryAfterWaitsAsLongAsVaultAsks() {
    vault.faults().next(1, "GET", META, Fault.retryAfter(429, 7));

    assertThatThrownBy(() -> store.readMetadata(PATH))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertRetryable(f);
              assertThat(f.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(7));
            })
        .hasMessageContaining("429")
        .hasMessageContaining("asks to wait 7 s");
    assertThat(store.readMetadata(PATH)).isEmpty();
  }

  @Test
  void anUnavailableVaultWithRetryAfterWaitsToo() {
    vault.faults().next(1, "POST", "/v1/sys/policies/acl/.*", Fault.retryAfter(503, 3));

    assertThatThrownBy(() -> store.writePolicy("p", "path \"x\" {}"))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(3)))
        .hasMessageContaining("503");
    store.writePolicy("p", "path \"x\" {}");
    assertThat(vault.policyText("p")).isPresent();
    assertThat(vault.made(FakeVault.POLICY)).containsExactly("p");
  }

  @Test
  void aServerErrorWithoutRetryAfterLeavesTheDelayToThePolicy() {
    vault.faults().next(1, Fault.status(502));

    assertThatThrownBy(() -> store.readMetadata(PATH))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertRetryable(f);
              assertThat(f.getNextRetryDelay()).isNull();
            });
  }

  @Test
  void aResetConnectionIsRetryable() {
    vault.faults().next(2, Fault.reset());

    assertThatThrownBy(() -> store.readMetadata(PATH))
        .isInstanceOfSatisfying(ApplicationFailure.class, VaultFaultsTest::assertRetryable)
        .hasMessageContaining("did not answer");
    vault.faults().off();
    assertThat(store.readMetadata(PATH)).isEmpty();
  }

  @Test
  void anAnswerLaterThanTheReadTimeoutIsRetryable() {
    VaultSession session =
        new VaultSession(
            VaultSettings.withToken(vault.address(), FakeVault.TOKEN), Clock.systemUTC(), 1);
    vault.faults().next(1, Fault.slow(Duration.ofSeconds(3)));

    assertThatThrownBy(() -> session.send("read", (kv, raw) -> raw.logical().read("secret/x")))
        .isInstanceOfSatisfying(ApplicationFailure.class, VaultFaultsTest::assertRetryable)
        .hasMessageContaining("did not answer");
    assertThat(vault.faults().injected()).hasSize(1);
  }

  @Test
  void retryAfterIsSecondsOrAnHttpDateWithinBounds() {
    Instant now = Instant.parse("2026-12-05T10:00:00Z");
    assertThat(VaultFailures.retryAfter("12", now)).contains(Duration.ofSeconds(12));
    assertThat(VaultFailures.retryAfter("Sat, 05 Dec 2026 10:00:30 GMT", now))
        .contains(Duration.ofSeconds(30));
    assertThat(VaultFailures.retryAfter("0", now)).contains(Duration.ofSeconds(1));
    assertThat(VaultFailures.retryAfter("86400", now)).contains(VaultFailures.LONGEST_WAIT);
    assertThat(VaultFailures.retryAfter("soon", now)).isEmpty();
    assertThat(VaultFailures.retryAfter(null, now)).isEmpty();
  }

  @Test
  void theStandInCountsWhatWasMade() {
    store.write(PATH, "team-payments/checkout", "run-1", SecretValues.of(Map.of("k", "v")));
    store.write(PATH, "team-payments/checkout", "run-1", SecretValues.of(Map.of("k", "v")));

    assertThat(vault.made(FakeVault.PATH)).containsExactly(PATH);
  }

  private static void assertRetryable(ApplicationFailure failure) {
    assertThat(failure.getType()).isEqualTo(FailureTypes.UNAVAILABLE);
    assertThat(failure.isNonRetryable()).isFalse();
  }
}
