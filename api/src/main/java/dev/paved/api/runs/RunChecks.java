package dev.paved.api.runs;

import dev.paved.api.ApiLimits;
import dev.paved.api.Problems;
import dev.paved.api.templates.LoadedTemplate;
import dev.paved.api.templates.ParameterSchema.FieldError;
import dev.paved.api.templates.TemplateRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The checks of a run's request against its template, which make nothing. */
final class RunChecks {

  /** The sizes of the service_claims and runs columns. */
  private static final int MAX_NAME = 100;

  private static final int MAX_KEY = 250;

  /** The most problems one answer lists. */
  private static final int MAX_ERRORS = 20;

  private RunChecks() {}

  /**
   * The limits of {@code paved.limits} on a run's parameters (or a retry's corrections), before any
   * other check reads them: how many, how long a name, how large all of them written as JSON. 400
   * naming the limit; nothing is stored or echoed.
   */
  static void withinLimits(ApiLimits limits, Map<String, Object> parameters) {
    if (parameters == null) {
      return;
    }
    if (parameters.size() > limits.parameters()) {
      throw tooMuch(
          "a run may have at most "
              + limits.parameters()
              + " parameters, not "
              + parameters.size());
    }
    for (String name : parameters.keySet()) {
      if (name.length() > limits.parameterNameLength()) {
        throw tooMuch(
            "a parameter's name may have at most " + limits.parameterNameLength() + " characters");
      }
    }
    long size = RunStore.write(parameters).length();
    if (size > limits.parametersSize().toBytes()) {
      throw tooMuch(
          "a run's parameters may be at most "
              + limits.parametersSize().toBytes()
              + " characters written as JSON, not "
              + size);
    }
  }

  private static RuntimeException tooMuch(String detail) {
    return Problems.invalid(
        detail + " (docs/operations.md, Limits)",
        Map.of("errors", List.of(new FieldError("parameters", detail))));
  }

  /** A request that passed every check that can refuse a run, before anything is made. */
  record Checked(LoadedTemplate template, Map<String, Object> values, ServiceIdentity identity) {}

  /**
   * Finds the template, fills the form's defaults, validates the parameters (refusing any the form
   * does not declare) and names the service; 404 or 400 as {@link RunService#start} answers them.
   * Makes nothing: a dry run uses it too.
   */
  static Checked check(
      TemplateRegistry templates,
      String templateName,
      Map<String, Object> parameters,
      String runId) {
    LoadedTemplate template =
        templates
            .find(templateName)
            .orElseThrow(() -> Problems.notFound("no template named '" + templateName + "'"));
    Map<String, Object> values = template.parameters().withDefaults(parameters);
    List<FieldError> errors = new ArrayList<>(template.parameters().validate(values));
    errors.addAll(template.parameters().undeclared(parameters.keySet()));
    if (!errors.isEmpty()) {
      throw Problems.invalid(
          "the parameters do not match template '" + templateName + "'",
          Map.of("errors", errors.subList(0, Math.min(errors.size(), MAX_ERRORS))));
    }
    ServiceIdentity identity = ServiceIdentity.of(values, runId, template.parameters().declared());
    if (identity.serviceName() != null
        && (identity.serviceName().length() > MAX_NAME
            || identity.serviceKey().length() > MAX_KEY)) {
      throw Problems.invalid(
          "the service's name may have at most "
              + MAX_NAME
              + " characters, its owner and name together "
              + MAX_KEY,
          Map.of("errors", List.of(new FieldError("name", "too long"))));
    }
    return new Checked(template, values, identity);
  }
}
