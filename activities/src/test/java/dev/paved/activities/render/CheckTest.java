package dev.paved.activities.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The load-time check finds problems in a template without any real values. */
class CheckTest {

  private final TemplateRenderer renderer = new TemplateRenderer();

  @Test
  void aSoundTemplateHasNoProblems() {
    Map<String, Object> input =
        Map.of(
            "repoUrl", "${{ parameters.repoUrl }}",
            "slug", "${{ parameters.repoUrl | projectSlug }}",
            "owner", "${{ parameters.owner | parseEntityRef | pick('name') }}",
            "dumped", "${{ parameters.tags | dump }}",
            "remote", "${{ steps['publish'].output.remoteUrl }}",
            "name", "${{ parameters.name + '-api' if parameters.api else parameters.name }}",
            "text", List.of("{% for t in parameters.tags %}${{ t | upper }}{% endfor %}"),
            "count", 3,
            "plain", "no expressions {{ here }}");
    assertThat(renderer.check(input, "step 'fetch' input")).isEmpty();
  }

  @Test
  void problemsNameTheFieldAndTheProblem() {
    Map<String, Object> input =
        Map.of(
            "a", "${{ parameters.name | nope }}",
            "b", List.of("ok", "${{ parameters.name "),
            "c", "{% include 'x' %}",
            "d", "{% if parameters.x %}${{ parameters.y | hidden }}{% endif %}");

    List<String> problems = renderer.check(input, "step 'fetch' input");

    assertThat(problems)
        .anySatisfy(p -> assertThat(p).startsWith("step 'fetch' input.a: unknown filter 'nope'"))
        .anySatisfy(p -> assertThat(p).startsWith("step 'fetch' input.b[1]: "))
        .anySatisfy(p -> assertThat(p).startsWith("step 'fetch' input.c: ").contains("disabled"))
        .anySatisfy(p -> assertThat(p).isEqualTo("step 'fetch' input.d: unknown filter 'hidden'"));
  }
}
