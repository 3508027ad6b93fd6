package dev.paved.api.scorecards;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Levels, unknowns and waivers, graded with the shipped scorecard. */
class GraderTest {

  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static final Map<String, Object> ENTITY =
      Map.of(
          "kind",
          "Component",
          "metadata",
          Map.of("name", "payments", "annotations", Map.of("x", 1)),
          "spec",
          Map.of("type", "service", "owner", "team-a"));

  private Scorecard card;
  private final Map<String, Fact> facts = new HashMap<>();

  @BeforeEach
  void shippedScorecard() {
    card =
        TestCollectors.registry(Path.of("../scorecards"))
            .find("production-readiness")
            .orElseThrow();
  }

  private void fact(String name, Object value) {
    facts.put(name, Fact.known(name, value, "test", "seen", NOW));
  }

  private void allGold() {
    fact("readme_has_runbook", true);
    fact("oncall_annotated", true);
    fact("coverage_line_percent", 91.5);
    fact("endpoints_without_slo", 0L);
    fact("critical_cves", 0L);
    fact("oncall_live", true);
    fact("last_deployed_at", NOW.minus(Duration.ofDays(3)));
  }

  private EntityEvaluation grade(Map<String, Waivers.Waiver> waivers) {
    return Grader.grade(
        card, "component:default/payments", null, "payments", ENTITY, facts, waivers::get, NOW);
  }

  private EntityEvaluation grade() {
    return grade(Map.of());
  }

  private static Map<String, String> results(EntityEvaluation e) {
    Map<String, String> results = new HashMap<>();
    e.outcomes().forEach(o -> results.put(o.ruleId(), o.result()));
    return results;
  }

  @Test
  void everyRulePassingHoldsTheTopLevel() {
    allGold();
    EntityEvaluation e = grade();
    assertThat(e.level()).isEqualTo("Gold");
    assertThat(e.score()).isEqualTo(100.0);
    assertThat(results(e).values()).containsOnly("pass");
  }

  @Test
  void aFailedLowerRuleCapsTheLevelWhateverPassesAbove() {
    allGold();
    fact("coverage_line_percent", 79.9);
    EntityEvaluation e = grade();
    assertThat(e.level()).isEqualTo("Bronze");
    RuleOutcome coverage = e.outcomes().get(2);
    assertThat(coverage.result()).isEqualTo("fail");
    assertThat(coverage.reason()).contains("coverage_line_percent = 79.9");
    assertThat(coverage.facts()).containsKey("coverage_line_percent");
    // weights 1+1+2+2+3+2+1 = 12, 10 of them passed
    assertThat(e.score()).isEqualTo(83.3);

    fact("readme_has_runbook", false);
    assertThat(grade().level()).isNull();
  }

  @Test
  void anOldDeploymentFailsGoldOnly() {
    allGold();
    fact("last_deployed_at", NOW.minus(Duration.ofDays(31)));
    EntityEvaluation e = grade();
    assertThat(results(e)).containsEntry("deployed-recently", "fail");
    assertThat(e.level()).isEqualTo("Silver");
  }

  @Test
  void anUnknownFactIsUnknownNotFailedAndHoldsNoLevelAboveIt() {
    allGold();
    facts.put("critical_cves", Fact.unknown("critical_cves", "no Trivy or Grype report", NOW));
    facts.remove("oncall_live");
    EntityEvaluation e = grade();
    Map<String, String> results = results(e);
    assertThat(results).containsEntry("no-critical-cves", "unknown");
    assertThat(results).containsEntry("oncall-live", "unknown");
    assertThat(results.values()).doesNotContain("fail");
    assertThat(e.outcomes().get(4).reason())
        .isEqualTo("critical_cves is unknown: no Trivy or Grype report");
    assertThat(e.outcomes().get(5).reason()).isEqualTo("oncall_live has not been collected yet");
    assertThat(e.level()).isEqualTo("Bronze");
  }

  @Test
  void aWaiverCountsForTheLevelAndShowsAsWaived() {
    allGold();
    fact("critical_cves", 2L);
    Waivers.Waiver waiver =
        new Waivers.Waiver("w1", "base image fix next sprint", NOW.plusSeconds(86400), "al", "pat");
    EntityEvaluation e = grade(Map.of("no-critical-cves", waiver));
    assertThat(results(e)).containsEntry("no-critical-cves", "waived");
    assertThat(e.outcomes().get(4).waiver()).isEqualTo(waiver);
    assertThat(e.outcomes().get(4).reason()).contains("critical_cves = 2");
    assertThat(e.level()).isEqualTo("Gold");
  }

  @Test
  void rulesReadTheEntityAndLevelsAreTheScorecardsOwn(@TempDir Path folder) throws Exception {
    Files.writeString(
        folder.resolve("own.yaml"),
        """
        apiVersion: paved.dev/v1
        kind: Scorecard
        metadata: {name: own}
        spec:
          levels: [Basic, Advanced]
          rules:
            - {id: owned, level: Basic, fix: Set spec.owner., expression: "has(entity.spec.owner)"}
            - {id: named, level: Advanced, fix: Rename., expression: "entity.metadata.annotations.x == 2"}
            - {id: lang, level: Advanced, fix: Use Go., expression: "language == 'go'"}
        """);
    ScorecardRegistry registry = TestCollectors.registry(folder);
    assertThat(registry.refused()).isEmpty();
    card = registry.find("own").orElseThrow();
    fact("language", "go");
    EntityEvaluation e = grade();
    assertThat(results(e))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("owned", "pass", "named", "fail", "lang", "pass"));
    assertThat(e.level()).isEqualTo("Basic");
    assertThat(List.of(card.levels())).hasSize(1);
  }
}
