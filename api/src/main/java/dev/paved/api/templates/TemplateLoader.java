package dev.paved.api.templates;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.paved.activities.actions.ActionDeclaration;
import dev.paved.api.actions.ActionRegistry;
import dev.paved.api.actions.StepProperties;
import dev.paved.workflows.steps.FailurePolicy;
import dev.paved.workflows.steps.StepPlan;
import dev.paved.workflows.steps.TemplatePlan;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Backstage {@code scaffolder.backstage.io/v1beta3} template and checks everything Paved
 * can check before a user runs it: the shape, the actions, the expressions.
 */
final class TemplateLoader {

  static final String API_VERSION = "scaffolder.backstage.io/v1beta3";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final ExpressionChecker expressions;
  private final StepProperties steps;

  TemplateLoader(ExpressionChecker expressions) {
    this(expressions, StepProperties.defaults());
  }

  /** {@code steps}: the step classes' limits, frozen into each step's spec. */
  TemplateLoader(ExpressionChecker expressions, StepProperties steps) {
    this.expressions = expressions;
    this.steps = steps;
  }

  /** The template, or the reasons it is refused (each naming the template and the step). */
  Result load(Path file) {
    return load(file, file.getParent().getFileName().toString());
  }

  /**
   * As {@link #load(Path)}, for a file read from a snapshot: {@code folderName} is the template's
   * folder in its source, named in refusals when the template has no name.
   */
  Result load(Path file, String folderName) {
    Map<String, Object> doc;
    try {
      doc = Yaml.map(YAML.readValue(file.toFile(), Object.class));
    } catch (IOException | IllegalArgumentException e) {
      return Result.refused(file, null, List.of("not a YAML document: " + firstLine(e)));
    }
    Map<String, Object> metadata = Yaml.map(doc.get("metadata"));
    Map<String, Object> spec = Yaml.map(doc.get("spec"));
    String name = Yaml.string(metadata.get("name"));
    List<String> problems = new ArrayList<>();
    if (!API_VERSION.equals(doc.get("apiVersion")) || !"Template".equals(doc.get("kind"))) {
      problems.add("apiVersion must be " + API_VERSION + " and kind Template");
    }
    if (name == null || name.isBlank()) {
      problems.add("metadata.name is required");
    }
    String label = "template '" + (name == null ? folderName : name) + "'";
    FailurePolicy onFailure = failurePolicy(spec.get("onFailure"), problems);
    String pauseTimeout = pauseTimeout(spec.get("pauseTimeout"), problems);
    List<Map<String, Object>> pages = pages(spec.get("parameters"));
    List<StepPlan> steps =
        steps(Yaml.list(spec.get("steps")), Yaml.string(spec.get("owner")), label, problems);
    Map<String, Object> output = Yaml.map(spec.get("output"));
    expressions.problems(output, "output").forEach(p -> problems.add(label + " " + p));
    StepSupport.contextProblems(output, "output").forEach(p -> problems.add(label + " " + p));
    StepSupport.specProblems(spec).forEach(p -> problems.add(label + ": " + p));
    ParameterSchema schema = null;
    try {
      schema = ParameterSchema.of(pages);
    } catch (IllegalArgumentException e) {
      problems.add(label + " parameters: " + e.getMessage());
    }
    if (!problems.isEmpty()) {
      return Result.refused(file, name, problems.stream().map(p -> prefix(label, p)).toList());
    }
    String version = TemplateVersion.of(file.getParent());
    TemplatePlan plan =
        new TemplatePlan(
            name, version, file.getParent().toString(), onFailure, steps, output, pauseTimeout);
    return new Result(
        new LoadedTemplate(
            name,
            Yaml.string(metadata.getOrDefault("title", name)),
            Yaml.string(metadata.get("description")),
            Yaml.string(spec.get("owner")),
            Yaml.string(spec.get("type")),
            Yaml.list(metadata.get("tags")).stream().map(String::valueOf).toList(),
            pages,
            schema,
            plan),
        null);
  }

  private List<StepPlan> steps(
      List<Object> raw, String owner, String label, List<String> problems) {
    List<StepPlan> steps = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    if (raw.isEmpty()) {
      problems.add(label + ": spec.steps is empty");
    }
    for (int i = 0; i < raw.size(); i++) {
      Map<String, Object> step = Yaml.map(raw.get(i));
      String id = Yaml.string(step.get("id"));
      String where = label + " step '" + (id == null ? "#" + (i + 1) : id) + "'";
      String action = Yaml.string(step.get("action"));
      if (id == null || id.isBlank()) {
        problems.add(where + ": id is required");
      } else if (!ids.add(id)) {
        problems.add(where + ": id is used twice");
      }
      ActionDeclaration declaration =
          action == null ? null : ActionRegistry.find(action).orElse(null);
      if (declaration == null) {
        problems.add(
            where + ": unknown action '" + action + "' (Paved knows " + ActionRegistry.ids() + ")");
      } else {
        StepSupport.problems(action, Yaml.map(step.get("input")), step.get("each"))
            .forEach(p -> problems.add(where + ": " + p));
      }
      for (String unsupported : List.of("backstage:permissions")) {
        if (step.containsKey(unsupported)) {
          problems.add(where + ": '" + unsupported + "' is not supported yet");
        }
      }
      Map<String, Object> input =
          ApprovalSteps.withDefaults(action, Yaml.map(step.get("input")), owner);
      ApprovalSteps.problems(action, input, step.get("each"))
          .forEach(p -> problems.add(where + ": " + p));
      Object condition = step.get("if");
      Object each = step.get("each");
      expressions.problems(input, "input").forEach(p -> problems.add(where + " " + p));
      if (condition != null) {
        expressions.problems(condition, "if").forEach(p -> problems.add(where + " " + p));
      }
      if (each != null) {
        expressions.problems(each, "each").forEach(p -> problems.add(where + " " + p));
      }
      steps.add(
          new StepPlan(
              id,
              Yaml.string(step.getOrDefault("name", id)),
              action,
              input,
              StepConditions.ifCondition(condition),
              each,
              declaration == null ? null : this.steps.spec(declaration)));
    }
    return steps;
  }

  private static List<Map<String, Object>> pages(Object parameters) {
    if (parameters instanceof Map<?, ?>) {
      return List.of(Yaml.map(parameters));
    }
    return Yaml.list(parameters).stream().map(Yaml::map).toList();
  }

  private static FailurePolicy failurePolicy(Object value, List<String> problems) {
    if (value == null) {
      return FailurePolicy.PAUSE;
    }
    try {
      return FailurePolicy.valueOf(String.valueOf(value).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add("spec.onFailure '" + value + "' is not supported ('pause' or 'rollback')");
      return FailurePolicy.PAUSE;
    }
  }

  /** An ISO-8601 duration of days, hours, minutes, seconds ({@code P7D}, {@code PT12H}). */
  private static String pauseTimeout(Object value, List<String> problems) {
    if (value == null) {
      return TemplatePlan.DEFAULT_PAUSE_TIMEOUT;
    }
    try {
      if (Duration.parse(String.valueOf(value)).compareTo(Duration.ofMinutes(1)) >= 0) {
        return String.valueOf(value);
      }
    } catch (DateTimeParseException unreadable) {
      // reported below
    }
    problems.add(
        "spec.pauseTimeout '"
            + value
            + "' is not an ISO-8601 duration of at least a minute (for example P7D or PT12H)");
    return TemplatePlan.DEFAULT_PAUSE_TIMEOUT;
  }

  private static String prefix(String label, String problem) {
    return problem.startsWith("template '") ? problem : label + ": " + problem;
  }

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /** A loaded template, or the file refused with its problems. */
  record Result(LoadedTemplate template, RefusedTemplate refused) {
    static Result refused(Path file, String name, List<String> problems) {
      return new Result(null, new RefusedTemplate(file.toString(), name, problems));
    }
  }
}
