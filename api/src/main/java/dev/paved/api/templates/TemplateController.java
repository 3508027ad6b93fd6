package dev.paved.api.templates;

import dev.paved.api.Problems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The golden paths on offer, and the form each one asks for. */
@RestController
@RequestMapping("/api/v1/templates")
class TemplateController {

  private final TemplateRegistry registry;

  TemplateController(TemplateRegistry registry) {
    this.registry = registry;
  }

  @GetMapping
  Map<String, Object> list() {
    return Map.of(
        "templates", registry.all().stream().map(TemplateController::summary).toList(),
        "refused", registry.refused());
  }

  @GetMapping("/{name}")
  Map<String, Object> get(@PathVariable String name) {
    LoadedTemplate template =
        registry
            .find(name)
            .orElseThrow(() -> Problems.notFound("no template named '" + name + "'"));
    Map<String, Object> body = summary(template);
    body.put("parameters", template.parameters().asMap());
    body.put("pages", template.parameterPages());
    body.put(
        "steps",
        template.plan().steps().stream()
            .map(s -> Map.of("id", s.id(), "name", s.name(), "action", s.action()))
            .toList());
    return body;
  }

  private static Map<String, Object> summary(LoadedTemplate t) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", t.name());
    body.put("title", t.title());
    body.put("description", t.description());
    body.put("owner", t.owner());
    body.put("type", t.type());
    body.put("tags", t.tags() == null ? List.of() : t.tags());
    body.put("version", t.version());
    return body;
  }
}
