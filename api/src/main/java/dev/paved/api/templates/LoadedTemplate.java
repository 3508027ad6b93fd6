package dev.paved.api.templates;

import dev.paved.workflows.steps.TemplatePlan;
import java.util.List;
import java.util.Map;

/**
 * A template that loaded cleanly: what the form shows ({@code parameterPages}), the one JSON Schema
 * the API validates against, and the plan a run freezes.
 */
public record LoadedTemplate(
    String name,
    String title,
    String description,
    String owner,
    String type,
    List<String> tags,
    List<Map<String, Object>> parameterPages,
    ParameterSchema parameters,
    TemplatePlan plan) {

  public String version() {
    return plan.version();
  }
}
