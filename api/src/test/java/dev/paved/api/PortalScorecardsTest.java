package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paved.api.browser.Browser;
import dev.paved.api.browser.ScorecardView;
import dev.paved.api.browser.SignInPage;
import dev.paved.api.scorecards.Fact;
import dev.paved.api.scorecards.FactCollector;
import dev.paved.api.scorecards.FactDefinition;
import dev.paved.api.scorecards.FactStore;
import dev.paved.api.scorecards.FactType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The portal's scorecards over the real API: an entity's marks, level and fix; a scorecard's fleet
 * table both ways, its team filter, level counts, pass rates, CSV and trend chart; a team's page.
 * Facts come from a collector of this test's own (a real {@link FactCollector} bean whose facts the
 * real {@link FactStore} keeps); two earlier days of history are written to the daily tables, for
 * which the API has no write path.
 */
class PortalScorecardsTest extends EndToEndTest {

  /** A scorecard of this test's facts, a broken one, and the catalog they grade. */
  private static final Path FILES = Path.of("src/test/resources/portal-scorecards");

  /** The facts this test's collector reports, by entity ref (a missing one is unknown). */
  static final Map<String, Map<String, Object>> FACTS =
      Map.of(
          "component:default/sc-ledger",
          Map.of("portal_runbook", true, "portal_coverage", 91.5, "portal_oncall", true),
          "component:default/sc-billing",
          Map.of("portal_runbook", true, "portal_coverage", 62.0),
          "component:default/sc-search",
          Map.of("portal_runbook", false, "portal_oncall", true));

  @DynamicPropertySource
  static void scorecards(DynamicPropertyRegistry registry) {
    try {
      Path dir = Files.createTempDirectory("paved-scorecards");
      for (String file : List.of("portal-readiness.yaml", "broken.yaml")) {
        Files.copy(FILES.resolve("scorecards").resolve(file), dir.resolve(file));
      }
      registry.add("paved.scorecards.dir", dir::toString);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A collector of this test's facts, declared like any other collector's. */
  @TestConfiguration
  static class Facts {
    @Bean
    FactCollector portalTestFacts() {
      return new FactCollector() {
        @Override
        public String id() {
          return "portal-test";
        }

        @Override
        public List<FactDefinition> facts() {
          return List.of(
              new FactDefinition("portal_runbook", FactType.BOOL, "a runbook section"),
              new FactDefinition("portal_coverage", FactType.DOUBLE, "line coverage, percent"),
              new FactDefinition("portal_oncall", FactType.BOOL, "someone on call"));
        }

        @Override
        public List<Fact> collect(String entityRef, Map<String, Object> entity) {
          return factsOf(entityRef);
        }
      };
    }
  }

  static List<Fact> factsOf(String entityRef) {
    Map<String, Object> known = FACTS.getOrDefault(entityRef, Map.of());
    Instant now = Instant.now();
    return List.of("portal_runbook", "portal_coverage", "portal_oncall").stream()
        .map(
            name ->
                known.containsKey(name)
                    ? Fact.known(name, known.get(name), "test:" + name, null, now)
                    : Fact.unknown(name, "no source for " + name, now))
        .toList();
  }

  @Autowired FactStore factStore;
  @Autowired JdbcTemplate jdbc;

  private void seed() throws Exception {
    CatalogLocationFixture.register(
        platform(),
        dataDir,
        "sc",
        Map.of("catalog-info.yaml", Files.readString(FILES.resolve("catalog-info.yaml"))));
    FACTS.keySet().forEach(ref -> factStore.record(ref, "portal-test", factsOf(ref)));
    Answer evaluated = platform().post("/api/v1/scorecards/portal-readiness/evaluate", Map.of());
    assertThat(evaluated.status()).as(evaluated.body().toString()).isEqualTo(202);
    Answer summary = platform().get("/api/v1/scorecards/portal-readiness/summary");
    List<String> graded = new java.util.ArrayList<>();
    summary.body().path("items").forEach(i -> graded.add(i.path("entity").asText()));
    assertThat(graded)
        .as(summary.body().toString())
        .containsExactlyInAnyOrderElementsOf(FACTS.keySet());
    // two earlier days of team-payments' history: one Bronze entity, then two
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    for (int back = 2; back >= 1; back--) {
      LocalDate day = today.minusDays(back);
      int bronze = 3 - back;
      jdbc.update(
          "insert into scorecard_daily_levels values (?, ?, ?, ?, ?)",
          "portal-readiness",
          day,
          "group:default/team-payments",
          "Bronze",
          bronze);
      for (String rule : List.of("runbook", "coverage", "oncall")) {
        jdbc.update(
            "insert into scorecard_daily_rules values (?, ?, ?, ?, ?, ?, ?, ?)",
            "portal-readiness",
            day,
            "group:default/team-payments",
            rule,
            bronze,
            0,
            0,
            0);
      }
    }
  }

  @Test
  void entityTeamAndFleetShowTheScoresOfTheRealApi() throws Exception {
    seed();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    try (Browser bob = Browser.open("http://localhost:" + port)) {
      // a team's page asked for before signing in opens after it
      bob.go("/teams/team-search");
      new SignInPage(bob).signInAs("bob");
      bob.awaitText(By.cssSelector("table[aria-label='Services of the team']"), "sc-search");
      assertThat(bob.path()).startsWith("/teams/team-search");
      ScorecardView view = new ScorecardView(bob);

      // the entity page: its level, every rule's mark, the fix of the failing one, facts on demand
      bob.go("/catalog/component/default/sc-billing");
      WebElement coverage = view.rule("Portal readiness", "Line coverage at least 80 %");
      assertThat(ScorecardView.mark(coverage)).isEqualTo("fail");
      assertThat(coverage.getText())
          .contains("How to fix: Publish the coverage report from CI and test the untested code.");
      assertThat(ScorecardView.mark(view.rule("Portal readiness", "README has a runbook section")))
          .isEqualTo("pass");
      WebElement oncall = view.rule("Portal readiness", "Someone is on call");
      assertThat(ScorecardView.mark(oncall)).isEqualTo("unknown");
      assertThat(oncall.getText()).doesNotContain("How to fix");
      assertThat(ScorecardView.level(bob.region("Scorecards"))).isEqualTo("Bronze");
      coverage.findElement(By.tagName("summary")).click();
      assertThat(coverage.findElement(By.tagName("details")).getText())
          .contains("portal_coverage", "62");
      bob.screenshot("scorecards-entity");

      // the fleet table in the seed's shape: checks as rows, services as columns
      bob.link("Portal readiness").click();
      bob.awaitText(By.cssSelector("table[aria-label=Fleet]"), "sc-search");
      assertThat(view.rowsAre("Fleet")).isEqualTo("Check");
      Map<String, Map<String, String>> fleet = view.table("Fleet");
      assertThat(fleet.get("Level"))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("sc-ledger", "Gold", "sc-billing", "Bronze", "sc-search", "none"));
      assertThat(fleet.get("Line coverage at least 80 % Silver"))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("sc-ledger", "pass", "sc-billing", "fail", "sc-search", "unknown"));
      assertThat(fleet.get("README has a runbook section Bronze"))
          .containsEntry("sc-search", "fail");
      assertThat(fleet).doesNotContainKey("sc-website");
      assertThat(view.levelCounts())
          .containsExactly(
              Map.entry("Gold", "1"),
              Map.entry("Silver", "0"),
              Map.entry("Bronze", "1"),
              Map.entry("none", "1"));
      assertThat(view.table("Pass rate per rule").get("README has a runbook section"))
          .containsEntry("Pass", "2")
          .containsEntry("Fail", "1")
          .containsEntry("Pass rate", "66.7 %");
      // the trend: today and the two seeded days, drawn on the canvas in the pass rate's colour
      bob.awaitText("The trend as a table");
      bob.driver()
          .findElement(By.xpath("//summary[normalize-space(.)='The trend as a table']"))
          .click();
      assertThat(view.table("Trend by day"))
          .containsOnlyKeys(
              today.minusDays(2).toString(), today.minusDays(1).toString(), today.toString());
      await("the trend drawn")
          .atMost(Duration.ofSeconds(60))
          .until(() -> view.chartPixels(0x1a, 0x7f, 0x37) > 30);
      bob.screenshot("scorecards-fleet");
      String csv = view.fetch(bob.link("Download results (CSV)").getAttribute("href"));
      assertThat(csv).contains("sc-ledger", "sc-billing", "coverage");

      // an initiative the platform sets shows on the page with today's progress
      Answer set =
          platform()
              .post(
                  "/api/v1/scorecards/portal-readiness/initiatives",
                  Map.of(
                      "title", "Everyone at Bronze",
                      "target", Map.of("level", "Bronze"),
                      "deadline", java.time.Instant.now().plus(Duration.ofDays(20)).toString()));
      assertThat(set.status()).as(set.body().toString()).isIn(200, 201);
      JsonNode initiative =
          platform().get("/api/v1/scorecards/initiatives/" + set.body().path("id").asText()).body();
      assertThat(initiative.path("total").asInt()).isPositive();
      bob.go("/scorecards/portal-readiness");
      bob.awaitText(
          initiative.path("meeting").asInt()
              + " of "
              + initiative.path("total").asInt()
              + " meet it");
      assertThat(
              bob.driver()
                  .findElement(By.cssSelector("[aria-label='Everyone at Bronze']"))
                  .getText())
          .contains("Bronze or higher");

      // the reverse: services as rows, then one team's
      bob.driver().findElement(By.xpath("//label[normalize-space(.)='Services']/input")).click();
      bob.awaitText(By.cssSelector("table[aria-label=Fleet] thead"), "Service");
      assertThat(bob.path()).isEqualTo("/scorecards/portal-readiness?rows=services");
      Map<String, Map<String, String>> byService = view.table("Fleet");
      assertThat(byService.get("sc-ledger"))
          .containsEntry("Owner", "team-payments")
          .containsEntry("Level", "Gold")
          .containsEntry("Someone is on call", "pass");
      new Select(bob.field("Team")).selectByVisibleText("team-search");
      bob.await(By.xpath("//table[@aria-label='Fleet']//tbody[count(tr)=1]"));
      assertThat(view.table("Fleet")).containsOnlyKeys("sc-search");
      assertThat(bob.path()).contains("owner=").contains("rows=services");
      bob.screenshot("scorecards-fleet-team");

      // the team's page, from an owner's name
      bob.go("/scorecards/portal-readiness?rows=services");
      bob.awaitText(By.cssSelector("table[aria-label=Fleet]"), "sc-ledger");
      bob.driver()
          .findElement(
              By.xpath("//table[@aria-label='Fleet']//a[normalize-space(.)='team-payments']"))
          .click();
      bob.awaitText(By.tagName("h1"), "Team team-payments");
      bob.awaitText(By.cssSelector("table[aria-label='Services of the team']"), "sc-ledger");
      assertThat(view.table("Services of the team"))
          .containsOnlyKeys("sc-ledger", "sc-billing")
          .containsEntry("sc-ledger", Map.of("Portal readiness", "Gold"))
          .containsEntry("sc-billing", Map.of("Portal readiness", "Bronze"));
      bob.screenshot("scorecards-team");

      // the list of scorecards from the top bar, the catalog's owner links, the empty and error
      // states
      bob.link("Scorecards").click();
      bob.awaitText(By.cssSelector("ul[aria-label='Levels of Portal readiness']"), "Gold 1");
      assertThat(bob.region("Levels of Portal readiness").getText())
          .contains("Silver 0", "Bronze 1", "No level 1");
      assertThat(bob.region("Refused scorecards").getText())
          .contains("broken.yaml", "no_such_fact");
      bob.go("/catalog");
      bob.awaitText(By.cssSelector("[aria-label=Entities]"), "sc-search");
      assertThat(bob.link("team-search").getAttribute("href")).endsWith("/teams/team-search");
      bob.go("/catalog/component/default/sc-website");
      bob.awaitText(
          By.cssSelector("section[aria-label=Scorecards]"),
          "No scorecard has graded this entity yet.");
      bob.go("/scorecards/no-such-scorecard");
      bob.awaitText(By.cssSelector("[role=alert]"), "Not found.");
    }
  }
}
