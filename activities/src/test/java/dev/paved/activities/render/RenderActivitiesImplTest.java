package dev.paved.activities.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.workflows.steps.RenderRequest;
import dev.paved.workflows.steps.RenderedEach;
import dev.paved.workflows.steps.RenderedStep;
import dev.paved.workflows.steps.StepPlan;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RenderActivitiesImplTest {

  private final RenderActivitiesImpl activities = new RenderActivitiesImpl(new TemplateRenderer());
  private final Map<String, Object> parameters =
      Map.of("name", "checkout", "database", false, "tags", List.of(), "replicas", 2);
  private final Map<String, Map<String, Object>> steps =
      Map.of("publish", Map.of("remoteUrl", "https://git.local/acme/checkout"));

  private RenderedStep render(Map<String, Object> input, String condition) {
    StepPlan step = new StepPlan("register", "Register", "catalog:register", input, condition);
    return activities.renderStep(new RenderRequest(step, parameters, steps, "alice"));
  }

  @Test
  void inputSeesParametersStepOutputsAndUser() {
    RenderedStep rendered =
        render(
            Map.of(
                "a", "${{ steps['publish'].output.remoteUrl }}",
                "b", "${{ steps.publish.output.remoteUrl }}/blob",
                "owner", "${{ user.ref }}",
                "who", "${{ user.entity.metadata.name }}",
                "replicas", "${{ parameters.replicas }}"),
            null);

    assertThat(rendered.run()).isTrue();
    assertThat(rendered.input())
        .containsEntry("a", "https://git.local/acme/checkout")
        .containsEntry("b", "https://git.local/acme/checkout/blob")
        .containsEntry("owner", "user:default/alice")
        .containsEntry("who", "alice")
        .containsEntry("replicas", 2);
  }

  @Test
  void ifUsesBackstageTruthiness() {
    assertThat(render(Map.of(), "${{ parameters.database }}").run()).isFalse();
    assertThat(render(Map.of(), "${{ parameters.tags }}").run()).isFalse();
    assertThat(render(Map.of(), "${{ parameters.nothing }}").run()).isFalse();
    assertThat(render(Map.of(), "${{ not parameters.database }}").run()).isTrue();
    assertThat(render(Map.of(), "${{ parameters.name == 'checkout' }}").run()).isTrue();
    assertThat(render(Map.of(), "${{ parameters.replicas }}").run()).isTrue();
    assertThat(render(Map.of(), "${{ false }}").run()).isFalse();
    assertThat(render(Map.of(), "${{ 0 }}").run()).isFalse();
    assertThat(render(Map.of(), "${{ '' }}").run()).isFalse();
    assertThat(render(Map.of(), "${{ parameters.name if parameters.database }}").run()).isFalse();
    // Backstage renders a text with no expression as that text: a non-empty string is truthy
    assertThat(render(Map.of(), "false").run()).isTrue();
    assertThat(render(Map.of(), "${{ 'false' }}").run()).isTrue();
    assertThat(render(Map.of(), "${{ parameters.database }} ").run()).isTrue();
  }

  private RenderedEach renderEach(Object each, String condition, Map<String, Object> input) {
    StepPlan step = new StepPlan("publish", "Publish", "publish:github", input, condition, each);
    return activities.renderEach(new RenderRequest(step, parameters, steps, "alice"));
  }

  @Test
  void eachRendersTheInputOncePerItemWithItsKeyAndValue() {
    RenderedEach list =
        renderEach(
            List.of("api", "${{ parameters.name }}"),
            null,
            Map.of("repo", "${{ each.value }}", "index", "${{ each.key }}"));

    assertThat(list.iterations())
        .containsExactly(
            new RenderedEach.Iteration("0", true, Map.of("repo", "api", "index", "0")),
            new RenderedEach.Iteration("1", true, Map.of("repo", "checkout", "index", "1")));

    Map<String, Object> objects = Map.of("items", Map.of("a", Map.of("count", 3)));
    StepPlan step =
        new StepPlan(
            "s",
            "S",
            "debug:log",
            Map.of("n", "${{ each.value.count }}"),
            null,
            "${{ parameters.items }}");
    RenderedEach fromObject =
        activities.renderEach(new RenderRequest(step, objects, Map.of(), "alice"));
    assertThat(fromObject.iterations())
        .containsExactly(new RenderedEach.Iteration("a", true, Map.of("n", 3)));
  }

  @Test
  void eachEvaluatesTheIfPerItem() {
    RenderedEach rendered =
        renderEach(
            List.of(Map.of("name", "a", "on", true), Map.of("name", "b", "on", false)),
            "${{ each.value.on }}",
            Map.of("name", "${{ each.value.name }}"));

    assertThat(rendered.iterations())
        .extracting(RenderedEach.Iteration::run)
        .containsExactly(true, false);
    assertThat(rendered.iterations().get(0).input()).isEqualTo(Map.of("name", "a"));
    assertThat(rendered.iterations().get(1).input()).isEmpty();
  }

  @Test
  void eachMustBeAListOrAnObjectOfAtMostAHundredItems() {
    assertThat(renderEach("${{ parameters.tags }}", null, Map.of()).iterations()).isEmpty();
    assertThatThrownBy(() -> renderEach("${{ parameters.nothing }}", null, Map.of()))
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("step 'publish' each: cannot be resolved to a value");
    assertThatThrownBy(() -> renderEach("${{ parameters.name }}", null, Map.of()))
        .hasMessageContaining("must be a list or an object, got 'checkout'");
    assertThatThrownBy(() -> renderEach("${{ range(101) }}", null, Map.of()))
        .hasMessageContaining("101 items, more than 100");
    assertThatThrownBy(
            () -> renderEach(List.of("a"), null, Map.of("x", "${{ each.value | nope }}")))
        .hasMessageContaining("step 'publish' [0] input.x: unknown filter 'nope'");
  }

  @Test
  void skippedStepRendersNoInput() {
    RenderedStep rendered = render(Map.of("x", "${{ parameters.name | nope }}"), "${{ false }}");
    assertThat(rendered.run()).isFalse();
    assertThat(rendered.input()).isEmpty();
  }

  @Test
  void aBadExpressionNamesTheStepAndField() {
    assertThatThrownBy(() -> render(Map.of("x", "${{ parameters.name | nope }}"), null))
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("step 'register' input.x: unknown filter 'nope'");
    assertThatThrownBy(() -> render(Map.of(), "${{ parameters.name "))
        .hasMessageContaining("step 'register' if");
  }

  @Test
  void outputRendersLinksAndText() {
    Map<String, Object> output =
        Map.of(
            "links",
            List.of(
                Map.of(
                    "title", "Repository",
                    "url", "${{ steps['publish'].output.remoteUrl }}")),
            "text",
            List.of(Map.of("title", "Next", "content", "Hello ${{ parameters.name }}")));
    StepPlan step = new StepPlan("output", "Output", null, output, null);

    Map<String, Object> rendered =
        activities.renderOutput(new RenderRequest(step, parameters, steps, "alice"));

    assertThat(rendered)
        .isEqualTo(
            Map.of(
                "links",
                List.of(Map.of("title", "Repository", "url", "https://git.local/acme/checkout")),
                "text",
                List.of(Map.of("title", "Next", "content", "Hello checkout"))));
  }
}
