package dev.paved.activities.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FiltersTest {

  private final TemplateRenderer renderer = new TemplateRenderer();
  private final Map<String, Object> context =
      Map.of(
          "parameters",
          Map.of(
              "repoUrl", "github.com?owner=acme&repo=checkout",
              "owner", "group:payments/team-checkout",
              "shortOwner", "team-checkout",
              "tags", List.of("a", "b"),
              "meta", Map.of("labels", Map.of("tier", "gold"))));

  private Object render(String template) {
    return renderer.render(template, context, "in");
  }

  @Test
  void dumpWritesJson() {
    assertThat(renderer.renderText("${{ parameters.tags | dump }}", context, "f"))
        .isEqualTo("[\"a\",\"b\"]");
    assertThat(renderer.renderText("${{ parameters.meta | dump }}", context, "f"))
        .isEqualTo("{\"labels\":{\"tier\":\"gold\"}}");
    assertThat(renderer.renderText("${{ 'say \"hi\"' | dump }}", context, "f"))
        .isEqualTo("\"say \\\"hi\\\"\"");
  }

  @Test
  void parseRepoUrlGivesHostOwnerRepo() {
    assertThat(render("${{ parameters.repoUrl | parseRepoUrl }}"))
        .isEqualTo(Map.of("host", "github.com", "owner", "acme", "repo", "checkout"));
    assertThat(render("${{ (parameters.repoUrl | parseRepoUrl).owner }}")).isEqualTo("acme");
    assertThat(render("${{ parameters.repoUrl | parseRepoUrl | pick('repo') }}"))
        .isEqualTo("checkout");
  }

  @Test
  void parseRepoUrlRefusesBadUrls() {
    assertThatThrownBy(() -> render("${{ 'not a url' | parseRepoUrl }}"))
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("parseRepoUrl");
    assertThatThrownBy(() -> render("${{ parameters.missing | parseRepoUrl }}"))
        .hasMessageContaining("parseRepoUrl expects a string");
  }

  @Test
  void projectSlugIsOwnerSlashRepo() {
    assertThat(render("${{ parameters.repoUrl | projectSlug }}")).isEqualTo("acme/checkout");
  }

  @Test
  void parseEntityRefReadsEveryPart() {
    assertThat(render("${{ parameters.owner | parseEntityRef }}"))
        .isEqualTo(Map.of("kind", "group", "namespace", "payments", "name", "team-checkout"));
    assertThat(render("${{ 'group:techdocs' | parseEntityRef }}"))
        .isEqualTo(Map.of("kind", "group", "namespace", "default", "name", "techdocs"));
    assertThat(
            render(
                "${{ parameters.shortOwner | parseEntityRef({ defaultKind: 'group',"
                    + " defaultNamespace: 'another-namespace' }) | pick('namespace') }}"))
        .isEqualTo("another-namespace");
    assertThat(render("${{ parameters.shortOwner | parseEntityRef({'defaultKind': 'user'}) }}"))
        .isEqualTo(Map.of("kind", "user", "namespace", "default", "name", "team-checkout"));
  }

  @Test
  void parseEntityRefWithoutKindFails() {
    assertThatThrownBy(() -> render("${{ parameters.shortOwner | parseEntityRef }}"))
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("has no kind")
        .hasMessageNotContaining("java.lang");
    assertThatThrownBy(() -> render("${{ 'group:' | parseEntityRef }}"))
        .hasMessageContaining("is not [kind:][namespace/]name");
  }

  @Test
  void pickReadsOnePropertyOrAPath() {
    assertThat(render("${{ parameters.meta | pick('labels.tier') }}")).isEqualTo("gold");
    assertThat(render("${{ parameters.meta | pick('nothing') }}")).isNull();
  }
}
