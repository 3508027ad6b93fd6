package dev.paved.api.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceIdentityTest {

  @Test
  void aServiceNeedsANameAndAnOwnerTheFormDeclares() {
    Map<String, Object> values = Map.of("name", "checkout", "owner", "group:default/team-payments");

    ServiceIdentity service = ServiceIdentity.of(values, "r-1", Set.of("name", "owner"));
    assertThat(service.serviceName()).isEqualTo("checkout");
    assertThat(service.serviceKey()).isEqualTo("team-payments/checkout");
    assertThat(service.workflowId()).isEqualTo("service:team-payments/checkout");

    ServiceIdentity undeclared = ServiceIdentity.of(values, "r-1", Set.of("site"));
    assertThat(undeclared.serviceName()).isNull();
    assertThat(undeclared.serviceKey()).isEqualTo("run/r-1");
    assertThat(undeclared.workflowId()).isEqualTo("run:r-1");
  }

  @Test
  void anOwnerRefOrABareTeamNameNameTheSameGroup() {
    assertThat(ServiceIdentity.groupName("group:default/team-payments")).isEqualTo("team-payments");
    assertThat(ServiceIdentity.groupName("group:team-payments")).isEqualTo("team-payments");
    assertThat(ServiceIdentity.groupName("team-payments")).isEqualTo("team-payments");
  }
}
