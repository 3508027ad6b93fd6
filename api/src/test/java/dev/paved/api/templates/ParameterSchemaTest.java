package dev.paved.api.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterSchemaTest {

  private final ParameterSchema schema =
      ParameterSchema.of(
          List.of(
              Map.of(
                  "title", "Service",
                  "required", List.of("name", "owner"),
                  "properties",
                      Map.of(
                          "name",
                          Map.of(
                              "type",
                              "string",
                              "pattern",
                              "^[a-z][-a-z0-9]*$",
                              "maxLength",
                              10,
                              "ui:autofocus",
                              true),
                          "owner",
                          Map.of("type", "string", "ui:field", "OwnerPicker"))),
              Map.of(
                  "title", "Deployment",
                  "properties",
                      Map.of(
                          "lifecycle",
                          Map.of(
                              "type",
                              "string",
                              "enum",
                              List.of("experimental", "production"),
                              "default",
                              "experimental"),
                          "database",
                          Map.of("type", "boolean")),
                  "dependencies", Map.of("database", Map.of("required", List.of("lifecycle"))))));

  @Test
  void mergesThePagesIntoOneSchemaWithoutUiKeys() {
    Map<String, Object> merged = schema.asMap();
    assertThat(merged.get("required")).isEqualTo(List.of("name", "owner"));
    assertThat(Yaml.map(merged.get("properties")))
        .containsOnlyKeys("name", "owner", "lifecycle", "database");
    assertThat(merged.toString()).doesNotContain("ui:");
    assertThat(merged.get("allOf")).asList().hasSize(1);
  }

  @Test
  void reportsOneErrorPerFailingField() {
    List<ParameterSchema.FieldError> errors =
        schema.validate(Map.of("name", "Bad_Name_Too_Long", "lifecycle", "forever"));
    assertThat(errors)
        .extracting(ParameterSchema.FieldError::field)
        .contains("name", "owner", "lifecycle");
    assertThat(errors).allSatisfy(e -> assertThat(e.message()).isNotBlank());
  }

  @Test
  void acceptsValidValues() {
    assertThat(schema.validate(Map.of("name", "checkout", "owner", "team-payments"))).isEmpty();
  }

  @Test
  void keepsDependenciesBetweenPages() {
    Map<String, Object> values =
        Map.of("name", "checkout", "owner", "team-payments", "database", true);
    assertThat(schema.validate(values))
        .extracting(ParameterSchema.FieldError::field)
        .contains("lifecycle");
  }

  @Test
  void fillsDefaultsOnlyWhereAbsent() {
    assertThat(schema.withDefaults(Map.of("name", "a"))).containsEntry("lifecycle", "experimental");
    assertThat(schema.withDefaults(Map.of("lifecycle", "production")))
        .containsEntry("lifecycle", "production");
  }

  @Test
  void refusesASchemaThatIsNotOne() {
    assertThatThrownBy(
            () ->
                ParameterSchema.of(List.of(Map.of("properties", Map.of("x", Map.of("type", 42))))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesARefOutsideTheForm() {
    assertThatThrownBy(
            () ->
                ParameterSchema.of(
                    List.of(
                        Map.of(
                            "properties",
                            Map.of("x", Map.of("$ref", "http://127.0.0.1:9/x.json"))))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only local refs");
  }

  @Test
  void declaresTheFormsProperties() {
    assertThat(schema.declared())
        .containsExactlyInAnyOrder("name", "owner", "lifecycle", "database");
  }

  @Test
  void aParameterNoPageDeclaresIsNamed() {
    assertThat(schema.undeclared(List.of("name", "lifecycle", "colour", "size")))
        .containsExactly(
            new ParameterSchema.FieldError("colour", "is not a parameter of this template's form"),
            new ParameterSchema.FieldError("size", "is not a parameter of this template's form"));
  }

  @Test
  void propertiesOfAPagesSubSchemasAreDeclaredToo() {
    ParameterSchema form =
        ParameterSchema.of(
            List.of(
                Map.of(
                    "properties",
                    Map.of("database", Map.of("type", "boolean"), "kind", Map.of("type", "string")),
                    "dependencies",
                    Map.of(
                        "database",
                        Map.of(
                            "oneOf",
                            List.of(
                                Map.of(
                                    "properties",
                                    Map.of(
                                        "database", Map.of("const", true),
                                        "databaseSize", Map.of("type", "string")))))),
                    "allOf",
                    List.of(Map.of("properties", Map.of("region", Map.of("type", "string")))),
                    "if",
                    Map.of("properties", Map.of("kind", Map.of("const", "job"))),
                    "then",
                    Map.of("properties", Map.of("schedule", Map.of("type", "string"))),
                    "else",
                    Map.of("properties", Map.of("port", Map.of("type", "integer"))),
                    "patternProperties",
                    Map.of("^label-", Map.of("type", "string")))));

    assertThat(
            form.undeclared(
                List.of("databaseSize", "region", "schedule", "port", "label-team", "colour")))
        .extracting(ParameterSchema.FieldError::field)
        .containsExactly("colour");
    // the form kept by a run (read back from its merged schema) declares the same
    assertThat(ParameterSchema.fromMap(form.asMap()).undeclared(List.of("schedule", "colour")))
        .extracting(ParameterSchema.FieldError::field)
        .containsExactly("colour");
  }

  @Test
  void aPageThatAllowsOtherPropertiesRefusesNone() {
    for (Object additional : List.of(true, Map.of("type", "string"))) {
      ParameterSchema open =
          ParameterSchema.of(
              List.of(
                  Map.of("properties", Map.of("name", Map.of("type", "string"))),
                  Map.of("additionalProperties", additional)));
      assertThat(open.undeclared(List.of("colour"))).isEmpty();
    }
    ParameterSchema closed =
        ParameterSchema.of(
            List.of(
                Map.of(
                    "properties",
                    Map.of("name", Map.of("type", "string")),
                    "additionalProperties",
                    false)));
    assertThat(closed.undeclared(List.of("colour"))).hasSize(1);
  }
}
