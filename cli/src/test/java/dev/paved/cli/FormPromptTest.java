package dev.paved.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The interactive form: rules checked as the person types, secrets never echoed nor shown. */
class FormPromptTest {

  static final String TEMPLATE =
      """
      {"name": "svc", "pages": [
        {"title": "Service", "required": ["name", "token"], "properties": {
          "name": {"title": "Name", "type": "string", "description": "a DNS name",
                   "pattern": "^[a-z]([-a-z0-9]*[a-z0-9])?$", "minLength": 2},
          "token": {"title": "Deploy token", "type": "string", "ui:widget": "password",
                    "pattern": "^tok-"},
          "replicas": {"title": "Replicas", "type": "integer", "minimum": 1, "default": 2}
        }},
        {"title": "Deployment", "properties": {
          "lifecycle": {"title": "Lifecycle", "type": "string",
                        "enum": ["experimental", "production"],
                        "enumNames": ["Experimental", "Production"], "default": "experimental"},
          "public": {"title": "Public", "type": "boolean"},
          "tags": {"title": "Tags", "type": "array", "items": {"type": "string"}},
          "key": {"title": "Key", "type": "string", "ui:field": "Secret"}
        }}
      ]}
      """;

  final StringWriter shown = new StringWriter();

  Map<String, Object> fill(ScriptedPrompt prompt) throws Exception {
    JsonNode template = ApiClient.JSON.readTree(TEMPLATE);
    return new FormPrompt(prompt, new PrintWriter(shown, true)).ask(template);
  }

  @Test
  void asksPageByPageAndAsksAgainWhenARuleIsBroken() throws Exception {
    ScriptedPrompt prompt =
        new ScriptedPrompt(
            "", // name is required
            "Not_A_Name", // breaks the pattern
            "checkout",
            "wrong-secret-1", // breaks the token's pattern: asked again, never shown
            "tok-s3cret",
            "zero", // not a number
            "0", // under the minimum
            "", // replicas: its default
            "2", // lifecycle: the second choice by its number
            "maybe", // not y/n
            "y",
            "a, b",
            "", // optional secret left empty
            "" // review: yes
            );
    Map<String, Object> values = fill(prompt);

    assertThat(values)
        .containsEntry("name", "checkout")
        .containsEntry("token", "tok-s3cret")
        .containsEntry("replicas", 2) // its default
        .containsEntry("lifecycle", "production")
        .containsEntry("public", true)
        .containsEntry("tags", List.of("a", "b"))
        .doesNotContainKey("key");
    assertThat(prompt.allAnswered()).isTrue();
    assertThat(prompt.secretQuestions).containsExactly("  token: ", "  token: ", "  key: ");
    assertThat(shown.toString())
        .contains("Service  (1/2)")
        .contains("Deployment  (2/2)")
        .contains("Name *: a DNS name")
        .contains("Name is required")
        .contains("does not match the pattern ^[a-z]([-a-z0-9]*[a-z0-9])?$")
        .contains("a number, please")
        .contains("at least 1")
        .contains("  2) Production (production)")
        .contains("answer y or n")
        .contains("token: " + FormPrompt.HIDDEN)
        .doesNotContain("tok-s3cret")
        .doesNotContain("wrong-secret-1");
    assertThat(prompt.questions).contains("  replicas [2]: ", "  lifecycle [experimental]: ");
  }

  @Test
  void noAtTheReviewMakesNothingAndTheInputEndingIsAUsageError() {
    assertThatThrownBy(() -> fill(new ScriptedPrompt("checkout", "tok-1", "", "", "", "", "", "n")))
        .isInstanceOfSatisfying(
            CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.FAILED));
    assertThatThrownBy(() -> fill(new ScriptedPrompt("checkout")))
        .isInstanceOfSatisfying(
            CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.INVALID));
  }
}
