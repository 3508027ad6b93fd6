package dev.paved.activities.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.failure.ApplicationFailure;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each test proves one of the unsafe Jinjava defaults is off for templates. */
class SandboxTest {

  private final TemplateRenderer renderer = new TemplateRenderer();
  private final Map<String, Object> context =
      Map.of("parameters", Map.of("name", "x-${{ 7 * 7 }}", "n", 1));

  @Test
  void parameterValuesAreNotInterpretedAgain() {
    assertThat(renderer.render("${{ parameters.name }}", context, "in"))
        .isEqualTo("x-${{ 7 * 7 }}");
    assertThat(renderer.render("v=${{ parameters.name }}", context, "in"))
        .isEqualTo("v=x-${{ 7 * 7 }}");
  }

  @Test
  void theRenderFilterCannotInterpretAFormValue() {
    assertThatThrownBy(() -> renderer.render("${{ parameters.name | render }}", context, "in"))
        .isInstanceOf(ApplicationFailure.class);
  }

  @Test
  void loopsHaveABudgetPerRender() {
    String nested = "{% for a in range(1000) %}{% for b in range(1000) %}.{% endfor %}{% endfor %}";
    assertThatThrownBy(() -> renderer.renderText(nested, context, "f"))
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("iterations");
    assertThat(renderer.renderText("{% for a in range(3) %}{{ a }}{% endfor %}", context, "f"))
        .isEqualTo("{{ a }}{{ a }}{{ a }}");
    assertThat(renderer.renderText("{% for a in range(3) %}${{ a }}{% endfor %}", context, "f"))
        .isEqualTo("012");
  }

  @Test
  void fileTagsFail() {
    for (String tag :
        new String[] {
          "{% include 'jinjava/jinjava.properties' %}",
          "{% import 'macros.j2' as m %}",
          "{% from 'macros.j2' import m %}",
          "{% extends 'base.j2' %}"
        }) {
      assertThatThrownBy(() -> renderer.renderText(tag, context, "f"))
          .as(tag)
          .isInstanceOf(ApplicationFailure.class)
          .hasMessageContaining("disabled");
    }
  }

  @Test
  void javaMethodsDoNotRun() {
    for (String call :
        new String[] {
          "${{ parameters.name.getClass() }}",
          "${{ parameters.name.toUpperCase() }}",
          "${{ parameters.name.getClass().forName('java.lang.System') }}",
          "${{ parameters.keySet() }}"
        }) {
      assertThatThrownBy(() -> renderer.renderText(call, context, "f"))
          .as(call)
          .isInstanceOf(ApplicationFailure.class)
          .hasMessageContaining("method calls are not allowed");
    }
  }

  @Test
  void javaBeanPropertiesAreNotReadable() {
    assertThat(renderer.renderText("[${{ parameters.name.class }}]", context, "f")).isEqualTo("[]");
    assertThat(renderer.renderText("[${{ parameters.name.bytes }}]", context, "f")).isEqualTo("[]");
    assertThat(renderer.renderText("[${{ parameters.name.blank }}]", context, "f")).isEqualTo("[]");
  }

  @Test
  void syntaxErrorsFail() {
    for (String bad :
        new String[] {"${{ parameters.name ", "${{ 1 + }}", "{% if %}x{% endif %}", "{% if x %}"}) {
      assertThatThrownBy(() -> renderer.renderText(bad, context, "f"))
          .as(bad)
          .isInstanceOf(ApplicationFailure.class);
    }
  }

  @Test
  void unknownFiltersAndTestsFail() {
    assertThatThrownBy(() -> renderer.renderText("${{ parameters.name | shout }}", context, "f"))
        .hasMessageContaining("unknown filter 'shout'");
    assertThatThrownBy(() -> renderer.renderText("${{ parameters.n is lucky }}", context, "f"))
        .hasMessageContaining("unknown test 'lucky'");
  }

  @Test
  void hostEnvironmentIsOutOfReach() {
    String path = System.getenv("PATH");
    String home = System.getProperty("user.home");
    String rendered =
        renderer.renderText(
            "${{ env.PATH }}|${{ process.env.PATH }}|${{ environment }}|${{ system }}"
                + "|${{ System }}|${{ __interpreter }}",
            context,
            "f");
    assertThat(rendered).isEqualTo("|||||");
    assertThat(rendered).doesNotContain(path).doesNotContain(home);
    // an undefined name has no methods: the call renders nothing
    assertThat(renderer.renderText("${{ System.getenv('PATH') }}", Map.of(), "f")).isEmpty();
  }
}
