package dev.paved.api.scorecards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.api.templates.TemplateLocation;
import dev.paved.api.templates.TemplateSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorecardLoaderTest {

  @TempDir Path folder;

  private static final String HEAD =
      """
      apiVersion: paved.dev/v1
      kind: Scorecard
      metadata:
        name: %s
      spec:
        filter: kind=component
        rules:
      """;

  private static String card(String id, String rules) {
    return HEAD.formatted(id) + rules;
  }

  private static final String GOOD_RULE =
      """
          - id: runbook
            level: Bronze
            expression: readme_has_runbook
            fix: Add a runbook.
      """;

  @Test
  void refusesEachProblemWithItsFileAndLineAndLoadsTheOthers() throws Exception {
    Files.writeString(folder.resolve("good.yaml"), card("good", GOOD_RULE));
    Files.writeString(
        folder.resolve("unknown-fact.yaml"),
        card(
            "unknown-fact",
            GOOD_RULE
                + """
                    - id: typo
                      level: Silver
                      expression: coverage_percent >= 80.0
                      fix: Add tests.
                """));
    Files.writeString(
        folder.resolve("not-bool.yaml"),
        card(
            "not-bool",
            """
                - id: coverage
                  level: Silver
                  fix: Add tests.
                  expression: |
                    coverage_line_percent +
                      1.0
            """));
    Files.writeString(
        folder.resolve("bad-level.yaml"),
        card(
            "bad-level",
            """
                - id: runbook
                  level: Platinum
                  expression: readme_has_runbook
                  fix: Add a runbook.
            """));
    Files.writeString(folder.resolve("duplicate.yaml"), card("duplicate", GOOD_RULE + GOOD_RULE));
    Files.writeString(
        folder.resolve("bad-filter.yaml"),
        card("bad-filter", GOOD_RULE).replace("filter: kind=component", "filter: '=service'"));
    Files.writeString(folder.resolve("broken.yaml"), "apiVersion: [unclosed\n");

    ScorecardRegistry registry = TestCollectors.registry(folder);

    assertThat(registry.all()).extracting(Scorecard::id).containsExactly("good");
    assertThat(registry.refused())
        .filteredOn(r -> r.file().equals("not-bool.yaml"))
        .singleElement()
        .satisfies(r -> assertThat(r.problems()).singleElement().asString().startsWith(notBool()));
    assertThat(registry.refused())
        .filteredOn(r -> !r.file().equals("not-bool.yaml"))
        .extracting(r -> r.file() + " " + r.problems())
        .containsExactlyInAnyOrder(
            "bad-filter.yaml [bad-filter.yaml:6: bad filter: Invalid filter '=service': a key is"
                + " missing]",
            "bad-level.yaml [bad-level.yaml:9: unknown level 'Platinum' (levels: Bronze, Silver,"
                + " Gold)]",
            "duplicate.yaml [duplicate.yaml:12: duplicate rule id 'runbook']",
            "broken.yaml [broken.yaml:2: not YAML: expected ',' or ']', but got <stream end>]",
            "unknown-fact.yaml [unknown-fact.yaml:14: rule 'typo': unknown fact 'coverage_percent'"
                + " (facts: coverage_line_percent, critical_cves, endpoints_total,"
                + " endpoints_without_slo, language, last_deployed_at, oncall_annotated,"
                + " oncall_live, readme_has_runbook)]");
  }

  private static String notBool() {
    return "not-bool.yaml:12: rule 'coverage': the expression must be a bool: ";
  }

  @Test
  void readsWhichFactsARuleUsesAndDefaultsItsLevels() throws Exception {
    Files.writeString(
        folder.resolve("card.yml"),
        card(
            "card",
            """
                - id: fresh
                  title: Deployed lately
                  level: Gold
                  weight: 3
                  expression: >-
                    now - last_deployed_at < duration("720h") && critical_cves == 0
                    && entity.metadata.name != "legacy"
                  fix: Deploy.
            """));
    Scorecard card = TestCollectors.registry(folder).find("card").orElseThrow();
    assertThat(card.levels()).containsExactly("Bronze", "Silver", "Gold");
    Scorecard.Rule rule = card.rules().get(0);
    assertThat(rule.facts()).containsExactly("critical_cves", "last_deployed_at");
    assertThat(rule.weight()).isEqualTo(3);
    assertThat(rule.title()).isEqualTo("Deployed lately");
  }

  @Test
  void theShippedScorecardLoadsOverTheDocumentedFacts() {
    ScorecardRegistry registry = TestCollectors.registry(Path.of("../scorecards"));
    assertThat(registry.refused()).isEmpty();
    Scorecard card = registry.find("production-readiness").orElseThrow();
    assertThat(card.rules())
        .extracting(r -> r.level() + ":" + r.id() + ":" + r.facts())
        .containsExactly(
            "Bronze:readme-runbook:[readme_has_runbook]",
            "Bronze:oncall-annotated:[oncall_annotated]",
            "Silver:line-coverage:[coverage_line_percent]",
            "Silver:endpoints-have-slos:[endpoints_without_slo]",
            "Silver:no-critical-cves:[critical_cves]",
            "Gold:oncall-live:[oncall_live]",
            "Gold:deployed-recently:[last_deployed_at]");
    assertThat(card.rules()).allSatisfy(r -> assertThat(r.fix()).hasSizeGreaterThan(40));
  }

  @Test
  void aChangedFileIsReloadedAndAnUnchangedFolderIsNot() throws Exception {
    Files.writeString(folder.resolve("a.yaml"), card("a", GOOD_RULE));
    ScorecardRegistry registry = TestCollectors.registry(folder);
    assertThat(registry.refresh(false)).isFalse();
    Files.writeString(folder.resolve("a.yaml"), card("a", GOOD_RULE.replace("Bronze", "Gold")));
    assertThat(registry.refresh(false)).isTrue();
    assertThat(registry.find("a").orElseThrow().rules().get(0).level()).isEqualTo("Gold");
  }

  @Test
  void scorecardsAreReadFromAGitLocationAfterTheFolderAndFollowItsCommits() throws Exception {
    Path repo = Files.createDirectories(folder.resolve("repo"));
    Path local = Files.createDirectories(folder.resolve("local"));
    Files.writeString(local.resolve("a.yaml"), card("a", GOOD_RULE));
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      Files.createDirectories(repo.resolve("cards"));
      Files.writeString(repo.resolve("cards/b.yaml"), card("b", GOOD_RULE));
      // the same id as the folder's: the folder comes first, this one is refused
      Files.writeString(repo.resolve("cards/again.yaml"), card("a", GOOD_RULE));
      git.add().addFilepattern(".").call();
      git.commit().setMessage("scorecards").setSign(false).call();

      TemplateSource location =
          TemplateLocation.parse("git+" + repo.toUri() + "#main:cards", folder.resolve("cache"));
      ScorecardRegistry registry =
          new ScorecardRegistry(
              List.of(new TemplateSource.Folder(local), location),
              List.of(new TestCollectors.Fixed()));
      assertThat(registry.all()).extracting(Scorecard::id).containsExactly("a", "b");
      assertThat(registry.refused())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.file()).isEqualTo("repo#main:cards cards/again.yaml");
                assertThat(r.problems().toString()).contains("'a' is defined twice");
              });

      // a commit to the location's branch is read at the next look
      Files.writeString(
          repo.resolve("cards/b.yaml"), card("b", GOOD_RULE.replace("Bronze", "Gold")));
      git.commit().setAll(true).setMessage("b reaches for Gold").setSign(false).call();
      assertThat(registry.refresh(false)).isTrue();
      assertThat(registry.find("b").orElseThrow().rules().get(0).level()).isEqualTo("Gold");
      assertThat(registry.refresh(false)).isFalse();
    }
  }
}
