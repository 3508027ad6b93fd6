package dev.paved.api.templates;

import dev.paved.api.actions.ActionRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a template may ask of a step, checked at load: its input against the action's input schema
 * ({@link StepInputs}), a skeleton next to the template rather than a remote one, an {@code each}
 * Paved can iterate, and no use of the Backstage {@code secrets} context, which Paved does not
 * fill. Each problem names the thing.
 */
final class StepSupport {

  private static final Set<String> FETCH_ACTIONS =
      Set.of("fetch:template", "fetch:plain", "fetch:template:file", "fetch:plain:file");

  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

  /** {@code secrets.X} or {@code secrets['X']} as a name of its own, not as a property. */
  private static final Pattern SECRETS = Pattern.compile("(?<![\\w.'\"\\]])secrets\\s*[.\\[]");

  private StepSupport() {}

  /** The problems of one step, each to be prefixed with the step's name. */
  static List<String> problems(String action, Map<String, Object> input, Object each) {
    List<String> problems = new ArrayList<>();
    ActionRegistry.find(action)
        .ifPresent(declaration -> problems.addAll(StepInputs.problems(declaration, input)));
    if (FETCH_ACTIONS.contains(action) && input.get("url") instanceof String url) {
      if (!url.contains("${{") && SCHEME.matcher(url).matches()) {
        problems.add(
            "input 'url' '"
                + url
                + "' is not supported: Paved reads skeletons from the template's own folder"
                + " (for example ./skeleton), not from remote locations");
      }
    }
    if (each != null && !(each instanceof String || each instanceof List || each instanceof Map)) {
      problems.add("each must be a list, an object or an expression, got '" + each + "'");
    }
    problems.addAll(contextProblems(input, "input"));
    if (each != null) {
      problems.addAll(contextProblems(each, "each"));
    }
    return problems;
  }

  /** Backstage's experimental template features, which change what a run does. */
  static List<String> specProblems(Map<String, Object> spec) {
    List<String> problems = new ArrayList<>();
    if (spec.containsKey("EXPERIMENTAL_recovery")) {
      problems.add(
          "spec.EXPERIMENTAL_recovery is not supported: a Paved run resumes on its own, and is"
              + " rolled back or retried from the failed step");
    }
    if (spec.containsKey("EXPERIMENTAL_formDecorators")) {
      problems.add(
          "spec.EXPERIMENTAL_formDecorators is not supported: Paved has no form decorators");
    }
    return problems;
  }

  /** Uses of Backstage's {@code secrets} context, which would render empty on Paved. */
  static List<String> contextProblems(Object value, String where) {
    List<String> problems = new ArrayList<>();
    if (value instanceof String text && text.contains("${{") && SECRETS.matcher(text).find()) {
      problems.add(
          where
              + ": the 'secrets' context is not supported (Paved passes no secrets to templates;"
              + " actions take credentials from Paved's configuration)");
    } else if (value instanceof Map<?, ?> map) {
      map.forEach((key, item) -> problems.addAll(contextProblems(item, where + "." + key)));
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        problems.addAll(contextProblems(list.get(i), where + "[" + i + "]"));
      }
    }
    return problems;
  }
}
