package dev.paved.activities.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.workflows.steps.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {

  private final TemplateRenderer renderer = new TemplateRenderer();
  private final Map<String, Object> context =
      Map.of(
          "parameters",
          Map.of(
              "name",
              "checkout",
              "tags",
              List.of("java", "payments"),
              "replicas",
              3,
              "public",
              false,
              "owner",
              Map.of("team", "payments")));

  @Test
  void wholeExpressionKeepsItsType() {
    assertThat(renderer.render("${{ parameters.tags }}", context, "in"))
        .isEqualTo(List.of("java", "payments"));
    assertThat(renderer.render("${{ parameters.replicas }}", context, "in")).isEqualTo(3);
    assertThat(renderer.render("${{parameters.public}}", context, "in")).isEqualTo(false);
    assertThat(renderer.render("${{ parameters.owner }}", context, "in"))
        .isEqualTo(Map.of("team", "payments"));
    assertThat(renderer.render("${{ parameters.replicas * 2 }}", context, "in")).isEqualTo(6);
  }

  @Test
  void textMixedWithExpressionsRendersToText() {
    assertThat(renderer.render("svc-${{ parameters.name }}", context, "in"))
        .isEqualTo("svc-checkout");
    assertThat(renderer.render(" ${{ parameters.replicas }}", context, "in")).isEqualTo(" 3");
    assertThat(renderer.render("${{ parameters.name }}/${{ parameters.replicas }}", context, "in"))
        .isEqualTo("checkout/3");
  }

  @Test
  void plainDoubleBracesStayLiteral() {
    assertThat(renderer.render("run: echo {{ github.sha }}", context, "in"))
        .isEqualTo("run: echo {{ github.sha }}");
  }

  @Test
  void plainTextComesBackAsJinjavaWouldRenderIt() {
    SandboxedJinjava jinjava = new SandboxedJinjava(RenderLimits.defaults());
    for (String text :
        List.of(
            "plain",
            "",
            "two\nlines\n",
            "run: echo {{ github.sha }}",
            "$ {{ not an expression }}",
            "}} %} #}",
            "{ % spaced % }",
            "a $ and a { and a %")) {
      assertThat(TemplateRenderer.isPlainText(text)).as(text).isTrue();
      String byJinjava =
          new RenderBudget(RenderLimits.defaults(), new RunUsage())
              .spend(() -> jinjava.render(text, context))
              .output();
      assertThat(renderer.renderText(text, context, "in")).as(text).isEqualTo(byJinjava);
    }
    for (String text : List.of("${{ x }}", "{% if true %}y{% endif %}", "{# note #}")) {
      assertThat(TemplateRenderer.isPlainText(text)).as(text).isFalse();
    }
  }

  @Test
  void plainTextLongerThanARenderMayOutputIsRefused() {
    RenderLimits defaults = RenderLimits.defaults();
    RenderLimits small =
        new RenderLimits(
            defaults.loopIterations(),
            defaults.runLoopIterations(),
            10,
            defaults.runOutputChars(),
            defaults.stringLength(),
            defaults.collectionSize(),
            defaults.rangeSize(),
            defaults.macroDepth(),
            defaults.renderTimeout(),
            defaults.runRenderTime(),
            defaults.threads(),
            defaults.queue());
    TemplateRenderer limited = new TemplateRenderer(small);
    assertThat(limited.renderText("0123456789", context, "in")).isEqualTo("0123456789");
    assertThatThrownBy(() -> limited.renderText("0123456789A", context, "in"))
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("longer than 10 characters");
  }

  @Test
  void nestedMapsAndListsRenderRecursivelyAndDropUndefined() {
    Object rendered =
        renderer.render(
            Map.of(
                "repo",
                "github.com?owner=acme&repo=${{ parameters.name }}",
                "labels",
                List.of("${{ parameters.tags }}", "x-${{ parameters.replicas }}"),
                "missing",
                "${{ parameters.nothing }}",
                "count",
                2),
            context,
            "in");

    assertThat(rendered)
        .isEqualTo(
            Map.of(
                "repo",
                "github.com?owner=acme&repo=checkout",
                "labels",
                List.of(List.of("java", "payments"), "x-3"),
                "count",
                2));
  }

  @Test
  void backstageExpressionFeaturesWork() {
    assertThat(renderer.render("${{ 'big' if parameters.replicas > 2 else 'small' }}", context, ""))
        .isEqualTo("big");
    assertThat(renderer.render("${{ parameters.name + '-api' }}", context, ""))
        .isEqualTo("checkout-api");
    assertThat(renderer.render("${{ parameters['owner'].team | upper }}", context, ""))
        .isEqualTo("PAYMENTS");
    assertThat(renderer.render("${{ parameters.tags | join(',') }}", context, ""))
        .isEqualTo("java,payments");
    assertThat(renderer.render("${{ 'java' in parameters.tags }}", context, "")).isEqualTo(true);
    assertThat(renderer.render("${{ parameters.nothing | default('none') }}", context, ""))
        .isEqualTo("none");
    assertThat(
            renderer.render(
                "{% for t in parameters.tags %}${{ loop.index }}:${{ t }} {% endfor %}",
                context, ""))
        .isEqualTo("1:java 2:payments ");
    assertThat(renderer.render("{% raw %}${{ kept }}{% endraw %}", context, ""))
        .isEqualTo("${{ kept }}");
    assertThat(renderer.render("a\n{%- if parameters.public %}\npublic{% endif %}\n", context, ""))
        .isEqualTo("a\n");
  }

  @Test
  void loopsOverNothingRenderNothingAndMapsLoopWithDictsort() {
    assertThat(
            renderer.render("[{% for t in parameters.nothing %}${{ t }}{% endfor %}]", context, ""))
        .isEqualTo("[]");
    assertThat(
            renderer.render(
                "{% for k, v in parameters.owner | dictsort %}${{ k }}=${{ v }}{% endfor %}",
                context, ""))
        .isEqualTo("team=payments");
  }

  @Test
  void renderTextKeepsTrailingNewline() {
    assertThat(renderer.renderText("name: ${{ parameters.name }}\n", context, "f"))
        .isEqualTo("name: checkout\n");
  }

  @Test
  void failureNamesTheField() {
    assertThatThrownBy(
            () ->
                renderer.render(
                    Map.of("spec", List.of("${{ parameters.name | nope }}")), context, "step 's'"))
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("step 's'.spec[0]")
        .hasMessageContaining("unknown filter 'nope'")
        .satisfies(
            e ->
                assertThat(((ApplicationFailure) e).getType())
                    .isEqualTo(FailureTypes.INVALID_INPUT));
  }

  @Test
  void oneRendererServesManyThreads() throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Object>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 200; i++) {
        Map<String, Object> own = Map.of("parameters", Map.of("i", i));
        results.add(pool.submit(() -> renderer.render("n-${{ parameters.i }}", own, "in")));
      }
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get()).isEqualTo("n-" + i);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void truthinessFollowsBackstage() {
    assertThat(TemplateRenderer.isTruthy(null)).isFalse();
    assertThat(TemplateRenderer.isTruthy(false)).isFalse();
    assertThat(TemplateRenderer.isTruthy("")).isFalse();
    assertThat(TemplateRenderer.isTruthy(0)).isFalse();
    assertThat(TemplateRenderer.isTruthy(0.0)).isFalse();
    assertThat(TemplateRenderer.isTruthy(List.of())).isFalse();
    assertThat(TemplateRenderer.isTruthy("false")).isTrue();
    assertThat(TemplateRenderer.isTruthy(Map.of())).isTrue();
    assertThat(TemplateRenderer.isTruthy(List.of(1))).isTrue();
    assertThat(TemplateRenderer.isTruthy(-1)).isTrue();
  }
}
