package dev.paved.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.api.TestDatabases;
import dev.paved.api.TestDatabases.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Ownership and team membership as the catalog states them, on every database Paved supports. */
class CatalogDirectoryTest {

  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

  static Stream<TestDatabase> databases() {
    return TestDatabases.all();
  }

  private static Entity entity(String kind, String name, Map<String, Object> spec) {
    return Entity.parse(
        Map.of(
            "apiVersion",
            "backstage.io/v1alpha1",
            "kind",
            kind,
            "metadata",
            Map.of("name", name),
            "spec",
            spec));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void findsTheOwnerOfAService(TestDatabase db) {
    JdbcClient jdbc = JdbcClient.create(db.dataSource());
    new CatalogStore(jdbc)
        .upsert(
            entity("Component", "checkout", Map.of("owner", "team-payments")),
            "team-payments/checkout",
            "r-1",
            T0);
    CatalogDirectory directory = new CatalogDirectory(jdbc);

    assertThat(directory.ownerOf("Component", "default", "checkout")).contains("team-payments");
    assertThat(directory.ownerOf("component", "default", "nowhere")).isEmpty();
    assertThat(directory.exists("component", "default", "checkout")).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void membershipsCountOnlyForTheTeamWhoseRunRegisteredThem(TestDatabase db) {
    JdbcClient jdbc = JdbcClient.create(db.dataSource());
    CatalogStore store = new CatalogStore(jdbc);
    store.upsert(
        entity("User", "dana", Map.of("memberOf", List.of("group:default/team-payments", "sre"))),
        "team-payments/people",
        "r-1",
        T0);
    store.upsert(
        entity("Group", "team-search", Map.of("type", "team", "members", List.of("user:dana"))),
        "team-search/people",
        "r-2",
        T0);
    // registered by a team-payments run, but claiming the platform team: not taken
    store.upsert(
        entity("Group", "platform", Map.of("type", "team", "members", List.of("dana"))),
        "team-payments/sneaky",
        "r-3",
        T0);

    assertThat(new CatalogDirectory(jdbc).teamsOf("dana"))
        .containsExactlyInAnyOrder("team-payments", "team-search");
    assertThat(new CatalogDirectory(jdbc).teamsOf("erin")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void membershipsOfTrustedLocationsCountBothWays(TestDatabase db) {
    JdbcClient jdbc = JdbcClient.create(db.dataSource());
    CatalogStore store = new CatalogStore(jdbc);
    CatalogLocations locations = new CatalogLocations(jdbc);
    String org = locations.add("url", "org.yaml", "config", true, null, null, "config", T0).id();
    String api = locations.add("url", "x.yaml", "api", false, null, null, "alice", T0).id();
    store.write(
        entity("Group", "team-search", Map.of("type", "team", "members", List.of("dana"))),
        new CatalogStore.Provenance(org, null, null, "config"),
        T0);
    store.write(
        entity("User", "erin", Map.of("memberOf", List.of("team-search"))),
        new CatalogStore.Provenance(org, null, null, "config"),
        T0);
    // an untrusted location claiming the platform team: not taken
    store.write(
        entity("Group", "platform", Map.of("type", "team", "members", List.of("dana"))),
        new CatalogStore.Provenance(api, null, null, "alice"),
        T0);
    CatalogDirectory directory = new CatalogDirectory(jdbc);

    assertThat(directory.membersOf("group:default/team-search")).containsExactly("dana", "erin");
    assertThat(directory.teamsOf("dana")).containsExactly("team-search");
    assertThat(directory.membersOf("platform")).isEmpty();
    assertThat(directory.defines("team-search")).isTrue();
    assertThat(directory.defines("platform")).isFalse();
  }
}
