package dev.paved.api.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks an entity against Backstage's own JSON Schemas (from {@code @backstage/catalog-model} and
 * {@code @backstage/plugin-scaffolder-common}, under {@code catalog/schema}): its kind's schema,
 * which includes the envelope and metadata. A kind Backstage does not ship is refused, as Backstage
 * refuses a kind no processor accepts.
 */
public final class EntityValidator {

  private static final String BASE = "https://backstage.io/schema/";

  private static final Map<String, String> KINDS =
      Map.of(
          "Component", "ComponentV1alpha1",
          "API", "ApiV1alpha1",
          "Resource", "ResourceV1alpha1",
          "System", "SystemV1alpha1",
          "Domain", "DomainV1alpha1",
          "Group", "GroupV1alpha1",
          "User", "UserV1alpha1",
          "Location", "LocationV1alpha1",
          "Template", "TemplateV1beta3");

  private static final Map<String, String> FILES = files();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonSchemaFactory factory;

  public EntityValidator() {
    Map<String, String> mappings = new LinkedHashMap<>();
    FILES.forEach((id, file) -> mappings.put(BASE + id, "classpath:catalog/schema/" + file));
    factory =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V7,
            builder -> builder.schemaMappers(m -> m.mappings(mappings)));
  }

  /** The kinds the catalog accepts. */
  public static Set<String> kinds() {
    return new TreeSet<>(KINDS.keySet());
  }

  /** One message per problem; empty when the entity is valid. */
  public List<String> problems(Map<String, Object> entity) {
    List<String> problems = new ArrayList<>();
    Object kind = entity.get("kind");
    String id = KINDS.get(String.valueOf(kind));
    if (id == null) {
      problems.add("unknown kind '" + kind + "': the catalog accepts " + kinds());
      return problems;
    }
    JsonNode node = JSON.valueToTree(entity);
    JsonSchema schema = factory.getSchema(SchemaLocation.of(BASE + id));
    for (ValidationMessage message : schema.validate(node)) {
      problems.add(message.getMessage());
    }
    try {
      Entity.parse(entity);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    return problems;
  }

  private static Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("Entity", "Entity.schema.json");
    files.put("EntityEnvelope", "EntityEnvelope.schema.json");
    files.put("EntityMeta", "EntityMeta.schema.json");
    files.put("common", "common.schema.json");
    files.put("ComponentV1alpha1", "Component.v1alpha1.schema.json");
    files.put("ApiV1alpha1", "API.v1alpha1.schema.json");
    files.put("ResourceV1alpha1", "Resource.v1alpha1.schema.json");
    files.put("SystemV1alpha1", "System.v1alpha1.schema.json");
    files.put("DomainV1alpha1", "Domain.v1alpha1.schema.json");
    files.put("GroupV1alpha1", "Group.v1alpha1.schema.json");
    files.put("UserV1alpha1", "User.v1alpha1.schema.json");
    files.put("LocationV1alpha1", "Location.v1alpha1.schema.json");
    files.put("TemplateV1beta3", "Template.v1beta3.schema.json");
    return files;
  }
}
