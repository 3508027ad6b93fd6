package dev.paved.api.scorecards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.api.TestDatabases;
import dev.paved.api.TestDatabases.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The fact store on H2 and PostgreSQL: history only on change, the latest per fact. */
class JdbcFactStoreTest {

  static Stream<TestDatabase> databases() {
    return TestDatabases.all();
  }

  private static final Instant T1 = Instant.parse("2026-11-01T10:00:00Z");
  private static final Instant T2 = Instant.parse("2026-11-02T10:00:00Z");
  private static final Instant T3 = Instant.parse("2026-11-03T10:00:00Z");

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void keepsARowOnlyWhenValueSourceOrDetailChanges(TestDatabase database) {
    JdbcClient jdbc = JdbcClient.create(database.dataSource());
    List<FactsChanged> announced = new ArrayList<>();
    JdbcFactStore store =
        new JdbcFactStore(
            jdbc,
            new TransactionTemplate(new DataSourceTransactionManager(database.dataSource())),
            event -> announced.add((FactsChanged) event));
    String ref = "Component:default/Payments";

    List<String> first =
        store.record(
            ref,
            "coverage",
            List.of(
                Fact.known("coverage_line_percent", 81.5, "repo:x@main:jacoco.xml", null, T1),
                Fact.unknown("critical_cves", "no Trivy or Grype report", T1),
                Fact.known("last_deployed_at", T1, "gitops:x", "commit abc", T1)));
    assertThat(first)
        .containsExactlyInAnyOrder("coverage_line_percent", "critical_cves", "last_deployed_at");

    // the same observation a day later: nothing kept, nothing announced
    List<String> same =
        store.record(
            ref,
            "coverage",
            List.of(
                Fact.known("coverage_line_percent", 81.5, "repo:x@main:jacoco.xml", null, T2),
                Fact.unknown("critical_cves", "no Trivy or Grype report", T2),
                Fact.known("last_deployed_at", T1, "gitops:x", "commit abc", T2)));
    assertThat(same).isEmpty();
    assertThat(announced).hasSize(1);

    List<String> changed =
        store.record(
            ref,
            "coverage",
            List.of(
                Fact.known("coverage_line_percent", 79.0, "repo:x@main:jacoco.xml", null, T3),
                Fact.known("critical_cves", 2L, "repo:x@main:trivy.json", "image x:1", T3),
                Fact.known("last_deployed_at", T1, "gitops:x", "commit abc", T3)));
    assertThat(changed).containsExactlyInAnyOrder("coverage_line_percent", "critical_cves");
    assertThat(announced)
        .last()
        .isEqualTo(
            new FactsChanged(
                "component:default/payments", List.of("coverage_line_percent", "critical_cves")));

    var latest = store.latest("component:default/payments");
    assertThat(latest.get("coverage_line_percent").value()).isEqualTo(79.0);
    assertThat(latest.get("critical_cves").value()).isEqualTo(2L);
    assertThat(latest.get("critical_cves").detail()).isEqualTo("image x:1");
    assertThat(latest.get("last_deployed_at").value()).isEqualTo(T1);
    // unchanged since first seen: its time is the first observation's
    assertThat(latest.get("last_deployed_at").observedAt()).isEqualTo(T1);

    assertThat(store.history(ref, "coverage_line_percent", 10))
        .extracting(Fact::value)
        .containsExactly(79.0, 81.5);
    assertThat(store.history(ref, "critical_cves", 10))
        .extracting(Fact::value)
        .containsExactly(2L, null);
    assertThat(jdbc.sql("select count(*) from scorecard_facts").query(Integer.class).single())
        .isEqualTo(5);
    assertThat(store.latestOfAll().get("component:default/payments")).hasSize(3);
  }
}
