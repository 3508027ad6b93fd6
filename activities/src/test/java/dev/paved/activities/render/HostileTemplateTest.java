package dev.paved.activities.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.paved.workflows.steps.FailureTypes;
import dev.paved.workflows.steps.RenderRequest;
import dev.paved.workflows.steps.StepPlan;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** Each limit of {@link RenderLimits} stops a template written to exhaust the host. */
class HostileTemplateTest {

  private final TemplateRenderer renderer = new TemplateRenderer();
  private final Map<String, Object> context = Map.of("parameters", Map.of("name", "x"));

  private AbstractThrowableAssert<?, ? extends Throwable> refused(
      TemplateRenderer renderer, String template) {
    return assertThatThrownBy(() -> renderer.renderText(template, context, "file 'bomb'"))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(FailureTypes.INVALID_INPUT);
              assertThat(failure.isNonRetryable()).isTrue();
            })
        .hasMessageContaining("file 'bomb'");
  }

  private static RenderLimits limits(
      long loops, long runLoops, long output, long runOutput, Duration timeout) {
    RenderLimits d = RenderLimits.defaults();
    return new RenderLimits(
        loops,
        runLoops,
        output,
        runOutput,
        d.stringLength(),
        d.collectionSize(),
        d.rangeSize(),
        d.macroDepth(),
        timeout,
        d.runRenderTime(),
        d.threads(),
        d.queue());
  }

  @Test
  void theLoopBudgetCannotBeResetByTheTemplate() {
    String bomb =
        "{% set __paved_loop_iterations__ = -9000000000000000000 %}"
            + "{% for a in range(1000) %}{% for b in range(1000) %}{% for c in range(1000) %}"
            + ".{% endfor %}{% endfor %}{% endfor %}";
    refused(renderer, bomb).hasMessageContaining("more than 100000 iterations in one render");
  }

  @Test
  void aBombFoundWhileATemplateIsCheckedIsAProblemOfTheTemplate() {
    String bomb = "{% for a in range(1000) %}{% for b in range(1000) %}.{% endfor %}{% endfor %}";
    assertThat(renderer.check(Map.of("message", bomb), "step 'log' input"))
        .singleElement(InstanceOfAssertFactories.STRING)
        .contains("step 'log' input.message", "more than 100000 iterations");
  }

  @Test
  void loopIterationsAddUpOverARun() {
    TemplateRenderer small = new TemplateRenderer(limits(100, 150, 1 << 20, 1 << 20, sec(5)));
    String eighty = "{% for a in range(80) %}.{% endfor %}";
    assertThat(small.renderText(eighty, context, "a")).hasSize(80);
    assertThat(small.renderText(eighty, context, "b")).hasSize(80); // runs of their own
    try (var run = small.forRun("run-1")) {
      assertThat(small.renderText(eighty, context, "a")).hasSize(80);
      refused(small, eighty).hasMessageContaining("more than 150 iterations in one run");
    }
  }

  @Test
  void aStepWithEachSpendsOneRunsBudgetOverAllItsItems() {
    RenderActivitiesImpl activities = new RenderActivitiesImpl(renderer);
    // 90,000 iterations per item is within one render's budget; 100 items are not within a run's
    String loops =
        "{% for a in range(300) %}{% for b in range(300) %}{% endfor %}{% endfor %}${{ each.key }}";
    StepPlan step =
        new StepPlan(
            "log", "Log", "debug:log", Map.of("message", loops), null, "${{ parameters.items }}");
    Map<String, Object> parameters = Map.of("items", IntStream.range(0, 100).boxed().toList());

    assertThatThrownBy(
            () -> activities.renderEach(new RenderRequest(step, parameters, Map.of(), "eve")))
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("more than 1000000 iterations in one run");
  }

  @Test
  void outputIsLimitedPerRenderAndPerRun() {
    TemplateRenderer small = new TemplateRenderer(limits(100_000, 1_000_000, 1000, 2500, sec(5)));
    refused(small, "{% for a in range(200) %}0123456789{% endfor %}")
        .hasMessageContaining("over limit of 1000");
    String nineHundred = "{% for a in range(90) %}0123456789{% endfor %}";
    try (var run = small.forRun("run-1")) {
      small.renderText(nineHundred, context, "a");
      small.renderText(nineHundred, context, "b");
      refused(small, nineHundred).hasMessageContaining("more than 2500 characters");
    }
  }

  @Test
  void stringGrowingFiltersAreRefusedBeforeTheyAllocate() {
    for (String bomb :
        new String[] {
          "${{ 'x' | center(1000000000) }}",
          "${{ 'x' | indent(1000000000, true) }}",
          "${{ 'x' | wordwrap(1000000000) }}",
          "${{ '%1000000000s' | format('x') }}",
          "${{ ('x' | center(30000)) | replace(' ', 'yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy') }}",
          "${{ range(1000) | map('string') | join('" + "y".repeat(2000) + "') }}",
        }) {
      refused(renderer, bomb).as(bomb).hasMessageContaining("more than 1048576");
    }
    for (String bomb :
        new String[] {
          "${{ range(1000) | batch(1000000000, 'x') }}", "${{ range(1000) | slice(1000000000) }}",
        }) {
      refused(renderer, bomb).as(bomb).hasMessageContaining("items, more than 100000");
    }
  }

  @Test
  void stringsDoublingInALoopAreStopped() {
    refused(
            renderer,
            "{% set s = 'xxxxxxxxxxxxxxxx' %}{% for i in range(40) %}"
                + "{% set s = s ~ s %}{% endfor %}${{ s | length }}")
        .hasMessageContaining("over limit of 8388608");
    refused(
            renderer,
            "{% set s = 'xxxxxxxxxxxxxxxx' %}{% for i in range(40) %}"
                + "{% set s = [s, s] | join('') %}{% endfor %}${{ s | length }}")
        .hasMessageContaining("more than 1048576");
  }

  @Test
  void listsDoublingInALoopAreStopped() {
    refused(
            renderer,
            "{% set l = [1, 2] %}{% for i in range(40) %}{% set l = l + l %}{% endfor %}"
                + "${{ l | length }}")
        .hasMessageContaining("greater than the maximum size of 100000");
  }

  @Test
  void rangesAreLimited() {
    refused(renderer, "${{ range(1000000000) | length }}")
        .hasMessageContaining("range() would give 1000000000 numbers, more than 1000");
    refused(renderer, "${{ range(0, 5000, 2) | length }}").hasMessageContaining("2500 numbers");
    assertThat(renderer.renderText("${{ range(1000) | length }}", context, "f")).isEqualTo("1000");
  }

  @Test
  void recursionIsLimited() {
    refused(renderer, "{% macro m(n) %}${{ m(n + 1) }}{% endmacro %}${{ m(0) }}")
        .hasMessageContaining("recursion limit of 20");
  }

  @Test
  void aSlowRenderStopsAtItsDeadlineAndFreesItsThread() {
    TemplateRenderer slow =
        new TemplateRenderer(
            limits(
                Long.MAX_VALUE / 4, Long.MAX_VALUE / 2, 1 << 20, 1 << 20, Duration.ofMillis(300)));
    String loops =
        "{% for a in range(1000) %}{% for b in range(1000) %}{% for c in range(1000) %}"
            + "{% set x = c | upper %}{% endfor %}{% endfor %}{% endfor %}";
    refused(slow, loops).hasMessageContaining("took more than PT0.3S");
    await().atMost(Duration.ofSeconds(10)).until(() -> busyRenderThreads() == 0);
  }

  @Test
  void rendersBeyondThePoolAreRefusedAsBusyNotRunOnTheCaller() {
    RenderLimits d = RenderLimits.defaults();
    TemplateRenderer one =
        new TemplateRenderer(
            new RenderLimits(
                Long.MAX_VALUE / 4,
                Long.MAX_VALUE / 2,
                1 << 20,
                1 << 20,
                d.stringLength(),
                d.collectionSize(),
                d.rangeSize(),
                d.macroDepth(),
                Duration.ofSeconds(3),
                Duration.ofSeconds(30),
                1,
                0));
    String loops =
        "{% for a in range(1000) %}{% for b in range(1000) %}{% for c in range(1000) %}"
            + "{% set x = c %}{% endfor %}{% endfor %}{% endfor %}";
    CompletableFuture<Throwable> first =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                one.renderText(loops, context, "first");
                return null;
              } catch (ApplicationFailure e) {
                return e;
              }
            });
    await().atMost(Duration.ofSeconds(10)).until(() -> busyRenderThreads() > 0);
    assertThatThrownBy(() -> one.renderText("${{ parameters.name }}", context, "second"))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> assertThat(failure.getType()).isEqualTo(FailureTypes.UNAVAILABLE))
        .hasMessageContaining("busy");
    assertThat(first.join()).hasMessageContaining("took more than");
  }

  private static Duration sec(int seconds) {
    return Duration.ofSeconds(seconds);
  }

  private static long busyRenderThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("paved-render-"))
        .filter(t -> t.getState() == Thread.State.RUNNABLE)
        .count();
  }
}
