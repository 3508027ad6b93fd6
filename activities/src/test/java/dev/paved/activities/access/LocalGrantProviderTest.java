package dev.paved.activities.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.workflows.access.GrantRequest;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local mode's grant records: made once, revoked once, never outside their folder. */
class LocalGrantProviderTest {

  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

  @TempDir Path folder;

  private static GrantRequest request(String id) {
    return new GrantRequest(
        id, "component:default/checkout", "production", "read", "alice", Duration.ofHours(2));
  }

  @Test
  void recordsTheGrantOnceAndItsRevoke() {
    LocalGrantProvider provider = new LocalGrantProvider(folder, Clock.fixed(T0, ZoneOffset.UTC));

    String ref = provider.grant(request("a-1"));
    String again =
        new LocalGrantProvider(folder, Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC))
            .grant(request("a-1"));

    assertThat(ref).isEqualTo("local:a-1").isEqualTo(again);
    assertThat(provider.find("a-1").orElseThrow())
        .containsEntry("user", "alice")
        .containsEntry("role", "read")
        .containsEntry("grantedAt", "2026-11-28T10:00:00Z")
        .containsEntry("expiresAt", "2026-11-28T12:00:00Z")
        .containsEntry("revokedAt", null);

    new LocalGrantProvider(folder, Clock.fixed(T0.plusSeconds(600), ZoneOffset.UTC))
        .revoke(request("a-1"), ref);
    provider.revoke(request("a-1"), ref);

    assertThat(provider.find("a-1").orElseThrow())
        .containsEntry("revokedAt", "2026-11-28T10:10:00Z");
  }

  @Test
  void revokingWhatWasNeverGrantedSucceeds() {
    new LocalGrantProvider(folder).revoke(request("a-2"), "local:a-2");

    assertThat(new LocalGrantProvider(folder).find("a-2")).isEmpty();
  }

  @Test
  void aRequestIdThatIsNotOneIsRefused() {
    assertThatThrownBy(() -> new LocalGrantProvider(folder).grant(request("../escape")))
        .isInstanceOfSatisfying(
            ApplicationFailure.class, f -> assertThat(f.getType()).isEqualTo("InvalidInput"));
    assertThat(folder.getParent().resolve("escape.json")).doesNotExist();
  }
}
