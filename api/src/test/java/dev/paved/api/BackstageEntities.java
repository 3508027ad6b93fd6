package dev.paved.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates catalog entity files against Backstage's own JSON Schemas (vendored from
 * {@code @backstage/catalog-model}, see {@code backstage-schema/README.md}): the kind's schema,
 * which includes the Entity envelope and metadata schemas.
 */
final class BackstageEntities {

  /** Backstage's schemas name each other by relative ids; they are resolved under this base. */
  private static final String BASE = "https://backstage.io/schema/";

  private static final Map<String, String> FILES =
      Map.of(
          "Entity", "Entity.schema.json",
          "EntityEnvelope", "EntityEnvelope.schema.json",
          "EntityMeta", "EntityMeta.schema.json",
          "common", "common.schema.json",
          "ComponentV1alpha1", "Component.v1alpha1.schema.json",
          "ResourceV1alpha1", "Resource.v1alpha1.schema.json",
          "ApiV1alpha1", "API.v1alpha1.schema.json",
          "SystemV1alpha1", "System.v1alpha1.schema.json",
          "GroupV1alpha1", "Group.v1alpha1.schema.json");

  private static final Map<String, String> KINDS =
      Map.of(
          "Component", "ComponentV1alpha1",
          "Resource", "ResourceV1alpha1",
          "API", "ApiV1alpha1",
          "System", "SystemV1alpha1",
          "Group", "GroupV1alpha1");

  /**
   * Backstage checks names in code, not in the schema (its default entity policy): 1 to 63 of
   * [A-Za-z0-9-_.], starting and ending with a letter or digit.
   */
  private static final Pattern NAME =
      Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final JsonSchemaFactory FACTORY = factory();

  private BackstageEntities() {}

  /** One message per problem in every document of the file; empty when all are valid. */
  static List<String> problems(String yaml) throws IOException {
    List<String> problems = new ArrayList<>();
    List<JsonNode> documents = YAML.readValues(YAML.createParser(yaml), JsonNode.class).readAll();
    if (documents.isEmpty()) {
      problems.add("no entity in the file");
    }
    for (JsonNode entity : documents) {
      String kind = entity.path("kind").asText();
      String id = KINDS.get(kind);
      String label = kind + " " + entity.path("metadata").path("name").asText();
      if (id == null) {
        problems.add(label + ": no vendored schema for kind '" + kind + "'");
        continue;
      }
      JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(BASE + id));
      for (ValidationMessage message : schema.validate(entity)) {
        problems.add(label + ": " + message.getMessage());
      }
      for (ValidationMessage message : envelope().validate(entity)) {
        problems.add(label + ": " + message.getMessage());
      }
      String name = entity.path("metadata").path("name").asText();
      if (!name.isEmpty() && !NAME.matcher(name).matches()) {
        problems.add(label + ": metadata.name '" + name + "' breaks Backstage's name rule");
      }
    }
    return problems;
  }

  private static JsonSchema envelope() {
    return FACTORY.getSchema(SchemaLocation.of(BASE + "EntityEnvelope"));
  }

  private static JsonSchemaFactory factory() {
    Map<String, String> mappings = new LinkedHashMap<>();
    FILES.forEach((id, file) -> mappings.put(BASE + id, "classpath:backstage-schema/" + file));
    return JsonSchemaFactory.getInstance(
        SpecVersion.VersionFlag.V7, builder -> builder.schemaMappers(m -> m.mappings(mappings)));
  }

  /** The kinds this class can validate. */
  static Set<String> kinds() {
    return KINDS.keySet();
  }
}
