package dev.paved.api.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.api.actions.ActionRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepInputsTest {

  private static List<String> problems(String action, Map<String, Object> input) {
    return StepInputs.problems(ActionRegistry.find(action).orElseThrow(), input);
  }

  @Test
  void refusesWrongTypesMissingInputsAndValuesOutsideTheEnum() {
    assertThat(
            problems(
                "paved:k8s:manifests",
                Map.of("name", "checkout", "image", "x", "replicas", "three")))
        .containsExactlyInAnyOrder(
            "input 'owner' is required", "input 'replicas': string found, integer expected");
    assertThat(problems("publish:github", Map.of("repoUrl", "x", "repoVisibility", "secret")))
        .singleElement()
        .asString()
        .startsWith("input 'repoVisibility': does not have a value in the enumeration");
  }

  @Test
  void namesTheFieldOfANestedValue() {
    assertThat(problems("fs:rename", Map.of("files", List.of(Map.of("from", "a", "too", "b")))))
        .contains("input 'files[0].to' is required")
        .anyMatch(p -> p.startsWith("input 'files[0]': property 'too' is not defined"));
  }

  @Test
  void acceptsAnExpressionWhereverTheValueIsRenderedLater() {
    assertThat(
            problems(
                "paved:k8s:manifests",
                Map.of(
                    "name", "${{ parameters.name }}",
                    "owner", "${{ parameters.owner }}",
                    "image", "x",
                    "replicas", "${{ parameters.replicas }}",
                    "env", "${{ parameters.env }}")))
        .isEmpty();
    assertThat(problems("publish:github", Map.of("repoUrl", "x", "repoVisibility", "${{ v }}")))
        .isEmpty();
  }

  @Test
  void refusesBackstageInputsPavedDoesNotSupportUnlessTheyAskForNothing() {
    assertThat(problems("catalog:register", Map.of("catalogInfoUrl", "x", "optional", true)))
        .containsExactly(
            "input 'optional' is not supported: a registration that may fail is not supported:"
                + " Paved registers or fails the step");
    assertThat(problems("catalog:register", Map.of("catalogInfoUrl", "x", "optional", false)))
        .isEmpty();
  }
}
