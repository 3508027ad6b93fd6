package dev.paved.api.templates;

import dev.paved.api.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The golden paths on offer, and the form each one asks for. */
@Tag(name = "Templates", description = "The golden paths on offer")
@RestController
@RequestMapping("/api/v1/templates")
class TemplateController {

  private final TemplateRegistry registry;

  TemplateController(TemplateRegistry registry) {
    this.registry = registry;
  }

  /**
   * The templates on offer, and beside them those that failed to load, with why.
   *
   * @param refused templates that failed to load: a platform engineer's to fix
   */
  record TemplateList(List<TemplateSummary> items, List<RefusedTemplate> refused) {}

  /** A template in the list. */
  record TemplateSummary(
      String name,
      String title,
      String description,
      String owner,
      String type,
      List<String> tags,
      String version) {

    static TemplateSummary of(LoadedTemplate t) {
      return new TemplateSummary(
          t.name(),
          t.title(),
          t.description(),
          t.owner(),
          t.type(),
          t.tags() == null ? List.of() : t.tags(),
          t.version());
    }
  }

  /**
   * One template: its summary, the JSON Schema its parameters are checked against, the form's pages
   * and its steps.
   */
  record TemplateDetail(
      String name,
      String title,
      String description,
      String owner,
      String type,
      List<String> tags,
      String version,
      Map<String, Object> parameters,
      List<Map<String, Object>> pages,
      List<StepSummary> steps) {}

  /** A step of a template's plan. */
  record StepSummary(String id, String name, String action) {}

  @Operation(summary = "List the templates, and those that failed to load")
  @GetMapping
  TemplateList list() {
    return new TemplateList(
        registry.all().stream().map(TemplateSummary::of).toList(), registry.refused());
  }

  @Operation(summary = "Read a template: its form (JSON Schema), pages and steps")
  @ApiResponse(responseCode = "200", description = "the template")
  @ApiResponse(responseCode = "404", description = "no template of this name")
  @GetMapping("/{name}")
  TemplateDetail get(@PathVariable String name) {
    LoadedTemplate t =
        registry
            .find(name)
            .orElseThrow(() -> Problems.notFound("no template named '" + name + "'"));
    return new TemplateDetail(
        t.name(),
        t.title(),
        t.description(),
        t.owner(),
        t.type(),
        t.tags() == null ? List.of() : t.tags(),
        t.version(),
        t.parameters().asMap(),
        t.parameterPages(),
        t.plan().steps().stream().map(s -> new StepSummary(s.id(), s.name(), s.action())).toList());
  }
}
