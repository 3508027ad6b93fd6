package dev.paved.api.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paved.activities.actions.ActionDeclaration;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every declaration is where its id says, and documents what it takes and gives. */
class ActionDeclarationsTest {

  @Test
  void eachActionLivesInThePackageItsIdNames() {
    assertThat(ActionRegistry.ids()).doesNotHaveDuplicates();
    for (ActionDeclaration action : ActionRegistry.ALL) {
      String id = action.id().startsWith("paved:") ? action.id().substring(6) : action.id();
      String segments =
          Arrays.stream(id.split(":"))
              .map(s -> s.replace("-", ""))
              .collect(Collectors.joining("."));
      assertThat(action.getClass().getPackageName())
          .as(action.id())
          .endsWith(".actions." + segments);
    }
  }

  @Test
  void eachActionHasDescribedSchemasAndAnExampleThatUsesIt() {
    for (ActionDeclaration action : ActionRegistry.ALL) {
      JsonNode input = action.inputSchema();
      assertThat(input.path("$schema").asText())
          .as(action.id())
          .isEqualTo("http://json-schema.org/draft-07/schema#");
      assertThat(input.path("title").asText()).as(action.id()).isEqualTo(action.id());
      assertThat(input.path("type").asText()).as(action.id()).isEqualTo("object");
      assertThat(input.path("additionalProperties").asBoolean(true)).as(action.id()).isFalse();
      input
          .path("properties")
          .fields()
          .forEachRemaining(
              p ->
                  assertThat(p.getValue().path("description").asText())
                      .as(action.id() + " input " + p.getKey())
                      .isNotBlank());
      assertThat(action.outputSchema().path("type").asText()).as(action.id()).isEqualTo("object");
      assertThat(action.description()).as(action.id()).isNotBlank();
      assertThat(action.examples())
          .as(action.id())
          .isNotEmpty()
          .allSatisfy(
              e ->
                  assertThat(e.get("example"))
                      .startsWith("steps:")
                      .contains("action: " + action.id()));
    }
  }
}
