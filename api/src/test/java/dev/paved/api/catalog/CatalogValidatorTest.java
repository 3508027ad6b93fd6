package dev.paved.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Entities of every Backstage kind are checked against Backstage's schemas. */
class CatalogValidatorTest {

  private final EntityValidator validator = new EntityValidator();

  private static Map<String, Object> entity(String kind, Map<String, Object> spec) {
    return Map.of(
        "apiVersion",
        "Template".equals(kind) ? "scaffolder.backstage.io/v1beta3" : "backstage.io/v1alpha1",
        "kind",
        kind,
        "metadata",
        Map.of("name", "x"),
        "spec",
        spec);
  }

  @Test
  void acceptsAValidEntityOfEveryKind() {
    Map<String, Map<String, Object>> valid =
        Map.of(
            "Component", Map.of("type", "service", "lifecycle", "production", "owner", "a"),
            "API",
                Map.of(
                    "type", "openapi", "lifecycle", "production", "owner", "a", "definition", "x"),
            "Resource", Map.of("type", "database", "owner", "a"),
            "System", Map.of("owner", "a"),
            "Domain", Map.of("owner", "a"),
            "Group", Map.of("type", "team", "children", List.of()),
            "User", Map.of("memberOf", List.of("a")),
            "Location", Map.of("targets", List.of("./a.yaml")),
            "Template", Map.of("type", "service", "steps", List.of()));
    assertThat(valid.keySet()).containsExactlyInAnyOrderElementsOf(EntityValidator.kinds());
    valid.forEach(
        (kind, spec) -> assertThat(validator.problems(entity(kind, spec))).as(kind).isEmpty());
  }

  @Test
  void refusesWhatBackstageRefuses() {
    assertThat(validator.problems(entity("Component", Map.of("type", "service"))))
        .anyMatch(p -> p.contains("owner"));
    assertThat(validator.problems(entity("Spaceship", Map.of()))).anyMatch(p -> p.contains("kind"));
    assertThat(
            validator.problems(
                Map.of(
                    "apiVersion",
                    "backstage.io/v1alpha1",
                    "kind",
                    "System",
                    "metadata",
                    Map.of("name", "no spaces"),
                    "spec",
                    Map.of("owner", "a"))))
        .isNotEmpty();
  }
}
