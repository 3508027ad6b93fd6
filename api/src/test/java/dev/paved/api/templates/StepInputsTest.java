package dev.paved.api.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paved.activities.actions.ActionDeclaration;
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

  @Test
  void refusesAnExpressionWhereTheSchemaAsksForALiteral() throws Exception {
    ActionDeclaration literal = mock(ActionDeclaration.class);
    when(literal.id()).thenReturn("acme:literal");
    when(literal.inputSchema())
        .thenReturn(
            new ObjectMapper()
                .readTree(
                    """
                    {"type": "object", "additionalProperties": false,
                     "properties": {"kind": {"type": "string", "x-paved-literal": true},
                                    "name": {"type": "string"}}}
                    """));

    assertThat(
            StepInputs.problems(
                literal, Map.of("kind", "${{ parameters.kind }}", "name", "${{ parameters.n }}")))
        .containsExactly("input 'kind' must be written as it is, not as an expression");
    assertThat(StepInputs.problems(literal, Map.of("kind", "service"))).isEmpty();
  }
}
