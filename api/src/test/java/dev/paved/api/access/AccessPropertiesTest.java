package dev.paved.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The access policy: defaults, and configured roles merged over them. */
class AccessPropertiesTest {

  private static AccessProperties with(Map<String, AccessProperties.RolePolicy> roles) {
    return new AccessProperties(
        "sre", "sre", Duration.ofHours(24), Duration.ofHours(24), roles, null);
  }

  @Test
  void theDefaultsAreReadWriteAndAdmin() {
    assertThat(with(null).policies())
        .containsEntry("read", new AccessProperties.RolePolicy(1, Duration.ofHours(8)))
        .containsEntry("write", new AccessProperties.RolePolicy(1, Duration.ofHours(4)))
        .containsEntry("admin", new AccessProperties.RolePolicy(2, Duration.ofHours(2)));
  }

  @Test
  void aConfiguredRoleKeepsTheDefaultsItDoesNotSetAndANewRoleNeedsItsMaximum() {
    AccessProperties stricter = with(Map.of("admin", new AccessProperties.RolePolicy(3, null)));

    assertThat(stricter.policies().get("admin"))
        .isEqualTo(new AccessProperties.RolePolicy(3, Duration.ofHours(2)));
    assertThatThrownBy(() -> with(Map.of("owner", new AccessProperties.RolePolicy(2, null))))
        .hasMessageContaining("paved.access.roles.owner.max-duration");
  }
}
