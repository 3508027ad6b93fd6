package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paved.api.actions.ActionRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/actions}: every action, in the shape Backstage's /v2/actions answers. */
class ActionsEndToEndTest extends EndToEndTest {

  @Test
  void listsEveryActionWithItsSchemasAndExamplesAsBackstageDoes() {
    Answer answer = get("/api/v1/actions");

    assertThat(answer.status()).isEqualTo(200);
    JsonNode actions = answer.body();
    assertThat(actions.isArray()).isTrue();
    List<String> ids = new ArrayList<>();
    actions.forEach(a -> ids.add(a.path("id").asText()));
    assertThat(ids).containsExactlyElementsOf(ActionRegistry.ids());
    actions.forEach(
        action -> {
          String id = action.path("id").asText();
          assertThat(action.path("description").asText()).as(id).isNotBlank();
          assertThat(action.path("examples")).as(id).isNotEmpty();
          action
              .path("examples")
              .forEach(
                  e -> {
                    assertThat(e.path("description").asText()).as(id).isNotBlank();
                    assertThat(e.path("example").asText()).as(id).startsWith("steps:");
                  });
          assertThat(action.path("schema").path("input").path("type").asText())
              .as(id)
              .isEqualTo("object");
          assertThat(action.path("schema").path("output").path("type").asText())
              .as(id)
              .isEqualTo("object");
        });
    JsonNode publish = actions.get(ids.indexOf("publish:github"));
    assertThat(publish.path("schema").path("input").path("required").toString())
        .isEqualTo("[\"repoUrl\"]");
    assertThat(publish.path("schema").path("output").path("properties").has("repoContentsUrl"))
        .isTrue();
  }

  @Test
  void asksForSignInLikeTheRestOfTheApi() {
    assertThat(anonymous().get("/api/v1/actions").status()).isEqualTo(401);
  }
}
