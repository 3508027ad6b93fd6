package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;

/**
 * A template written for Backstage, as its documentation writes one (test-templates/
 * backstage-unchanged: several form pages, RepoUrlPicker, OwnerPicker, each, if, fetch:template
 * with a skeleton, publish:github, catalog:register, output links), runs to COMPLETED unchanged.
 */
class BackstageTemplateRunTest extends EndToEndTest {

  @Test
  void aBackstageTemplateRunsUnchangedToCompleted() throws Exception {
    assertThat(get("/api/v1/templates").body().path("refused").toString())
        .doesNotContain("backstage-unchanged");
    JsonNode started =
        startRun(
            "backstage-unchanged",
            Map.of(
                "name", "inventory",
                "owner", "group:default/team-payments",
                "repoUrl", "github.com?owner=acme&repo=inventory"));

    JsonNode run = awaitEnd(started.path("id").asText());

    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("COMPLETED");
    assertThat(run.path("steps"))
        .extracting(s -> s.path("id").asText() + "=" + s.path("status").asText())
        .containsExactly(
            "fetch-base=SUCCEEDED",
            "fetch-docs=SUCCEEDED",
            "fetch-ci=SUCCEEDED",
            "publish=SUCCEEDED",
            "register=SUCCEEDED");
    JsonNode links = run.path("output").path("links");
    String remoteUrl = links.get(0).path("url").asText();
    assertThat(links.get(1).path("entityRef").asText()).isEqualTo("component:default/inventory");
    assertThat(links.get(1).path("icon").asText()).isEqualTo("catalog");
    assertThat(run.path("output").path("text").get(0).path("content").asText()).contains(remoteUrl);

    Path clone = Files.createTempDirectory("inventory-clone");
    Git.cloneRepository().setURI(remoteUrl).setDirectory(clone.toFile()).call().close();
    assertThat(clone.resolve("docs/index.md"))
        .content()
        .isEqualTo("# Index\n\nThis page documents inventory.\n");
    assertThat(clone.resolve("docs/getting-started.md")).content().startsWith("# Getting Started");
    assertThat(clone.resolve(".github/workflows/ci.yaml"))
        .content()
        .contains("name: inventory", "echo \"building ${{ github.sha }}\"");
    assertThat(clone.resolve("README.md"))
        .content()
        .contains("Owned by team-payments.", "Every push is built")
        .doesNotContain("There is no CI", "{%");

    JsonNode entity = get("/api/v1/catalog/entities/component/default/inventory").body();
    assertThat(entity.path("spec").path("owner").asText()).isEqualTo("group:default/team-payments");
  }

  @Test
  void ifAndAnEmptyEachSkipTheirSteps() throws Exception {
    JsonNode started =
        startRun(
            "backstage-unchanged",
            Map.of(
                "name", "plain-ledger",
                "owner", "group:team-payments",
                "repoUrl", "github.com?owner=acme&repo=plain-ledger",
                "docs", List.of(),
                "ci", false));

    JsonNode run = awaitEnd(started.path("id").asText());

    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("COMPLETED");
    assertThat(run.path("steps").get(1).path("status").asText()).isEqualTo("SKIPPED");
    assertThat(run.path("steps").get(2).path("status").asText()).isEqualTo("SKIPPED");
    Path clone = Files.createTempDirectory("plain-ledger-clone");
    String remoteUrl = run.path("output").path("links").get(0).path("url").asText();
    Git.cloneRepository().setURI(remoteUrl).setDirectory(clone.toFile()).call().close();
    assertThat(clone.resolve("docs")).doesNotExist();
    assertThat(clone.resolve(".github")).doesNotExist();
    assertThat(clone.resolve("README.md")).content().contains("There is no CI workflow yet.");
  }

  @Test
  void whatPavedDoesNotSupportIsListedAsRefusedWithEveryReason() {
    JsonNode list = get("/api/v1/templates").body();

    assertThat(list.path("items"))
        .extracting(t -> t.path("name").asText())
        .doesNotContain("uses-unsupported");
    JsonNode refused = null;
    for (JsonNode template : list.path("refused")) {
      if ("uses-unsupported".equals(template.path("name").asText())) {
        refused = template;
      }
    }
    assertThat(refused).as(list.path("refused").toString()).isNotNull();
    assertThat(refused.path("file").asText()).endsWith("uses-unsupported/template.yaml");
    assertThat(refused.path("problems"))
        .extracting(JsonNode::asText)
        .anySatisfy(p -> assertThat(p).contains("step 'fetch-docs'", "'url'", "https://github.com"))
        .anySatisfy(p -> assertThat(p).contains("step 'publish'", "'collaborators'"))
        .anySatisfy(p -> assertThat(p).contains("step 'publish'", "'token'", "credentials"))
        .anySatisfy(p -> assertThat(p).contains("step 'publish'", "'secrets' context"));
    assertThat(
            postRun("uses-unsupported", Map.of("repoUrl", "github.com?owner=a&repo=b"), Map.of())
                .status())
        .isEqualTo(404);
  }
}
