package dev.paved.api.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A form written as Backstage's documentation writes one, validated and defaulted as it would be.
 */
class BackstageFormTest {

  private static final String PAGES =
      """
      - title: Fill in some steps
        required: [name, owner]
        properties:
          name:
            title: Name
            type: string
            pattern: '^[a-z][-a-z0-9]*$'
            minLength: 3
            maxLength: 20
            ui:autofocus: true
            ui:options: {rows: 5}
          owner:
            title: Owner
            type: string
            ui:field: OwnerPicker
            ui:options:
              catalogFilter: {kind: [Group]}
          system:
            title: System
            type: string
            ui:field: EntityPicker
            ui:options:
              catalogFilter: {kind: System}
      - title: Choose a location
        required: [repoUrl]
        properties:
          repoUrl:
            title: Repository Location
            type: string
            ui:field: RepoUrlPicker
            ui:options:
              allowedHosts: [github.com]
      - title: Deployment
        properties:
          lifecycle:
            type: string
            enum: [experimental, production]
            enumNames: [Experimental, Production]
            default: experimental
          database:
            title: Database
            type: string
            enum: [none, postgres]
            enumNames: [None, PostgreSQL]
            default: none
          ci:
            type: boolean
        dependencies:
          database:
            oneOf:
              - properties:
                  database: {enum: [none]}
              - properties:
                  database: {enum: [postgres]}
                  size:
                    type: string
                    enum: [small, large]
                    default: small
                    ui:widget: radio
                required: [size]
          ci:
            properties:
              ciProvider: {type: string, default: github-actions}
      """;

  private final ParameterSchema schema = ParameterSchema.of(pages());

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> pages() {
    try {
      return new ObjectMapper(new YAMLFactory()).readValue(PAGES, List.class);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> valid(Object... more) {
    Map<String, Object> values =
        new java.util.LinkedHashMap<>(
            Map.of(
                "name", "checkout",
                "owner", "group:default/team-payments",
                "system", "system:default/payments",
                "repoUrl", "github.com?owner=acme&repo=checkout"));
    for (int i = 0; i < more.length; i += 2) {
      values.put((String) more[i], more[i + 1]);
    }
    return values;
  }

  private List<String> failingFields(Map<String, Object> values) {
    return schema.validate(schema.withDefaults(values)).stream()
        .map(ParameterSchema.FieldError::field)
        .toList();
  }

  @Test
  void pickerValuesAndEnumNamesPassAndUiKeysAreNotValidated() {
    assertThat(failingFields(valid())).isEmpty();
    assertThat(failingFields(valid("lifecycle", "production"))).isEmpty();
    assertThat(schema.asMap().toString()).doesNotContain("ui:", "RepoUrlPicker", "allowedHosts");
    assertThat(schema.asMap().toString()).contains("enumNames");
  }

  @Test
  void requiredAcrossPagesEnumPatternAndLengthsFailPerField() {
    assertThat(failingFields(Map.of("name", "Checkout_API")))
        .containsExactlyInAnyOrder("name", "owner", "repoUrl");
    assertThat(failingFields(valid("name", "ab"))).containsExactly("name");
    assertThat(failingFields(valid("name", "a-name-longer-than-twenty"))).containsExactly("name");
    assertThat(failingFields(valid("lifecycle", "Production"))).containsExactly("lifecycle");
  }

  @Test
  void defaultsIncludeThoseADependencyShows() {
    assertThat(schema.withDefaults(valid()))
        .containsEntry("lifecycle", "experimental")
        .containsEntry("database", "none")
        .doesNotContainKeys("size", "ciProvider");
    assertThat(schema.withDefaults(valid("database", "postgres", "ci", false)))
        .containsEntry("size", "small")
        .containsEntry("ciProvider", "github-actions");
    assertThat(schema.withDefaults(valid("database", "postgres", "size", "large")))
        .containsEntry("size", "large");
  }

  @Test
  void oneOfInADependencyChecksTheBranchOfTheValue() {
    assertThat(failingFields(valid("database", "postgres"))).isEmpty();
    assertThat(failingFields(valid("database", "postgres", "size", "huge"))).isNotEmpty();
    assertThat(failingFields(valid("database", "mysql"))).contains("database");
  }
}
