package dev.paved.activities.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paved.activities.support.StepFailures;
import io.temporal.activity.Activity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Renders Backstage template expressions ({@code ${{ parameters.name }}}, {@code {% if %}}) in
 * strings, maps and lists, sandboxed and safe to share between threads. A string that is one whole
 * expression keeps the type of its value (a list stays a list), as in Backstage; any other string
 * renders to a string. Failures are InvalidInput naming the field that failed.
 *
 * <p>Every render runs on a small pool of render threads under {@link RenderLimits}, which a
 * template cannot reach: a render that passes a limit or its deadline stops, and fails with
 * InvalidInput (the step fails for good; rendering again would stop again).
 */
public final class TemplateRenderer {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The run whose renders the caller's thread is making, when it said so with {@link #forRun}. */
  private static final ThreadLocal<RunUsage> RUN = new ThreadLocal<>();

  private final RenderLimits limits;
  private final SandboxedJinjava engine;
  private final RenderPool pool;
  private final RunUsages usages = new RunUsages();

  /** A renderer with {@link RenderLimits#defaults()}. */
  public TemplateRenderer() {
    this(RenderLimits.defaults());
  }

  public TemplateRenderer(RenderLimits limits) {
    this.limits = limits;
    this.engine = new SandboxedJinjava(limits);
    this.pool = new RenderPool(limits);
  }

  public RenderLimits limits() {
    return limits;
  }

  /** Where this thread's renders are booked until {@link #close()}. */
  public interface RunScope extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Books the renders this thread makes until the scope closes to run {@code runId}, so the run's
   * limits add up over its steps and files; without a scope each call is a run of its own.
   */
  public RunScope forRun(String runId) {
    RunUsage previous = RUN.get();
    RUN.set(usages.of(runId));
    return () -> {
      if (previous == null) {
        RUN.remove();
      } else {
        RUN.set(previous);
      }
    };
  }

  /**
   * Renders every string inside {@code value}; map keys stay as written, and a map entry whose
   * value renders to nothing (undefined or empty) is left out, as Backstage leaves it undefined.
   *
   * @param where names the value in messages, for example {@code step 'publish' input}
   */
  public Object render(Object value, Map<String, ?> context, String where) {
    if (value instanceof String text) {
      return renderValue(text, context, where);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> rendered = new LinkedHashMap<>();
      map.forEach(
          (key, item) -> {
            Object result = render(item, context, where + "." + key);
            if (result != null) {
              rendered.put(String.valueOf(key), result);
            }
          });
      return rendered;
    }
    if (value instanceof List<?> list) {
      List<Object> rendered = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        rendered.add(render(list.get(i), context, where + "[" + i + "]"));
      }
      return rendered;
    }
    return value;
  }

  /** {@link #render} for a map, such as a step's input. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> renderMap(Map<String, ?> value, Map<String, ?> context, String where) {
    return value == null ? Map.of() : (Map<String, Object>) render(value, context, where);
  }

  /** Renders {@code template} to text, whatever its expressions hold (file contents and names). */
  public String renderText(String template, Map<String, ?> context, String where) {
    return renderText(template, context, where, false, false);
  }

  /**
   * {@link #renderText(String, Map, String)} with Nunjucks' whitespace options: {@code trimBlocks}
   * drops the newline after a block tag, {@code lstripBlocks} the indentation before one.
   */
  public String renderText(
      String template,
      Map<String, ?> context,
      String where,
      boolean trimBlocks,
      boolean lstripBlocks) {
    if (isPlainText(template)) {
      // nothing to interpret: the text is its own output, booked to the run like a render's
      try {
        budget().output(template.length());
      } catch (RenderRefused e) {
        throw StepFailures.invalidInput(where + ": " + e.getMessage());
      }
      return template;
    }
    SandboxedJinjava.Whitespace whitespace =
        new SandboxedJinjava.Whitespace(trimBlocks, lstripBlocks);
    SandboxedJinjava.Outcome outcome =
        bounded(where, () -> engine.render(template, context, whitespace));
    if (!outcome.problems().isEmpty()) {
      throw StepFailures.invalidInput(where + ": " + String.join("; ", outcome.problems()));
    }
    return outcome.output();
  }

  /**
   * True when {@code template} holds no expression, tag or comment: Jinjava would give it back
   * unchanged, so it is not handed to a render thread (most of a step's input is plain text).
   */
  static boolean isPlainText(String template) {
    return !template.contains("${{") && !template.contains("{%") && !template.contains("{#");
  }

  /**
   * The problems in the expressions inside {@code value} (syntax errors, unknown filters or tests,
   * file tags), found without real values: a template can be refused when it is loaded.
   */
  public List<String> check(Object value, String where) {
    List<String> problems = new ArrayList<>();
    if (value instanceof String text) {
      try {
        pool.run(budget(), () -> engine.check(text, Map.of()))
            .forEach(problem -> problems.add(where + ": " + problem));
      } catch (RenderRefused e) {
        problems.add(where + ": " + e.getMessage());
      }
    } else if (value instanceof Map<?, ?> map) {
      map.forEach((key, item) -> problems.addAll(check(item, where + "." + key)));
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        problems.addAll(check(list.get(i), where + "[" + i + "]"));
      }
    }
    return problems;
  }

  /**
   * {@link #forRun} for the workflow run of the activity this thread runs (a step's renders and its
   * skeleton's files are booked together); a scope of its own outside an activity.
   */
  public RunScope forCurrentRun() {
    String runId;
    try {
      runId = Activity.getExecutionContext().getInfo().getRunId();
    } catch (RuntimeException notInAnActivity) {
      runId = null;
    }
    if (runId == null && RUN.get() != null) {
      return () -> {}; // a dry run, say, books its renders to the scope it opened itself
    }
    return forRun(runId);
  }

  /** Runs one render on the render pool under a fresh budget, booked to this thread's run. */
  private <T> T bounded(String where, Supplier<T> render) {
    try {
      return pool.run(budget(), render);
    } catch (RenderRefused e) {
      throw StepFailures.invalidInput(where + ": " + e.getMessage());
    }
  }

  private RenderBudget budget() {
    RunUsage run = RUN.get();
    return new RenderBudget(limits, run != null ? run : new RunUsage());
  }

  /** Backstage's truthiness: an empty list is false, otherwise JavaScript's rules. */
  public static boolean isTruthy(Object value) {
    if (value == null || value instanceof Boolean b && !b) {
      return false;
    }
    if (value instanceof String s) {
      return !s.isEmpty();
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return d != 0 && !Double.isNaN(d);
    }
    if (value instanceof List<?> list) {
      return !list.isEmpty();
    }
    return true;
  }

  private Object renderValue(String text, Map<String, ?> context, String where) {
    String expression = engine.wholeExpression(text);
    if (expression == null) {
      String rendered = renderText(text, context, where);
      return rendered.isEmpty() ? null : rendered;
    }
    // Backstage renders ${{ (x) | dump }} and parses the JSON back, so the value keeps its type
    String dumped = renderText("${{ (" + expression + ") | dump }}", context, where);
    if (dumped.isEmpty()) {
      return null;
    }
    try {
      return JSON.readValue(dumped, Object.class);
    } catch (JsonProcessingException e) {
      throw StepFailures.invalidInput(where + ": the expression did not give a value");
    }
  }
}
