package dev.paved.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceStackTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Checkout",
        "1checkout",
        "checkout-",
        "check_out",
        "check.out",
        "",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
      })
  void refusesANameThatIsNotADns1035Label(String name) {
    assertThatThrownBy(() -> new ServiceStack(name, "team-a", "dev", false, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name");
  }

  @Test
  void acceptsASixtyThreeCharacterName() {
    String name = "a".repeat(63);
    assertThat(new ServiceStack(name, "team-a", "dev", false, null).name()).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"secret", "/secret/a", "secret/../sys", "secret/a b", "secret//a"})
  void refusesASecretPathThatIsNotAVaultPath(String path) {
    assertThatThrownBy(() -> new ServiceStack("checkout", "team-a", "dev", true, path))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("secretPath");
  }

  @Test
  void databaseNeedsASecretPath() {
    assertThatThrownBy(() -> new ServiceStack("checkout", "team-a", "dev", true, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("secretPath is required");
  }

  @Test
  void refusesAnOwnerOrEnvironmentThatIsNotALabel() {
    assertThatThrownBy(() -> new ServiceStack("checkout", "team a", "dev", false, null))
        .hasMessageContaining("owner");
    assertThatThrownBy(() -> new ServiceStack("checkout", "team-a", "Prod!", false, null))
        .hasMessageContaining("environment");
  }

  @Test
  void serviceKeyAndDatabaseNameFollowTheService() {
    ServiceStack spec = new ServiceStack("order-history", "team-a", "dev", false, null);
    assertThat(spec.serviceKey()).isEqualTo("team-a/order-history");
    assertThat(spec.databaseName()).isEqualTo("order_history");
  }
}
