package dev.paved.api.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A template's form pages as one JSON Schema: the pages' properties merged, their {@code required}
 * joined, anything else a page declares ({@code dependencies}, {@code oneOf}, ...) kept under
 * {@code allOf}. {@code ui:*} keys are for the form only and are left out of validation.
 */
public final class ParameterSchema {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Draft 07's meta-schema (bundled in the validator): a template's form must be valid under it.
   */
  private static final JsonSchema META_SCHEMA =
      Draft07.FACTORY.getSchema(
          SchemaLocation.of("http://json-schema.org/draft-07/schema#"), Draft07.CONFIG);

  private static final Set<String> MERGED =
      Set.of("title", "description", "properties", "required", "type");

  /** The keywords whose sub-schemas may declare more properties of the same object. */
  private static final List<String> SUB_SCHEMA_LISTS = List.of("allOf", "anyOf", "oneOf");

  private static final List<String> SUB_SCHEMAS = List.of("if", "then", "else");

  private final Map<String, Object> schema;
  private final JsonSchema validator;
  private final Set<String> allowed = new LinkedHashSet<>();
  private final List<EcmaPattern> allowedPatterns = new ArrayList<>();
  private boolean open;

  private ParameterSchema(Map<String, Object> schema) {
    JsonNode node = JSON.valueToTree(schema);
    Set<ValidationMessage> problems = META_SCHEMA.validate(node);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          problems.stream().map(ValidationMessage::getMessage).sorted().toList().toString());
    }
    this.schema = schema;
    this.validator = Draft07.FACTORY.getSchema(node, Draft07.CONFIG);
    collectAllowed(schema);
  }

  /** Merges the pages; IllegalArgumentException when they do not form a usable schema. */
  static ParameterSchema of(List<Map<String, Object>> pages) {
    Map<String, Object> properties = new LinkedHashMap<>();
    Set<Object> required = new LinkedHashSet<>();
    List<Object> rest = new ArrayList<>();
    for (Map<String, Object> page : pages) {
      Map<String, Object> clean = Yaml.map(withoutUiKeys(page));
      properties.putAll(Yaml.map(clean.get("properties")));
      required.addAll(Yaml.list(clean.get("required")));
      Map<String, Object> other = new LinkedHashMap<>(clean);
      other.keySet().removeAll(MERGED);
      if (!other.isEmpty()) {
        rest.add(other);
      }
    }
    refuseRemoteRefs(pages);
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("$schema", "http://json-schema.org/draft-07/schema#");
    schema.put("type", "object");
    schema.put("properties", properties);
    schema.put("required", List.copyOf(required));
    if (!rest.isEmpty()) {
      schema.put("allOf", rest);
    }
    try {
      return new ParameterSchema(schema);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a valid JSON Schema: " + e.getMessage(), e);
    }
  }

  /**
   * The schema {@link #asMap()} gave, read back: a run keeps its template's form, so a retry's
   * corrected parameters are checked against the form the run started with.
   */
  public static ParameterSchema fromMap(Map<String, Object> schema) {
    return new ParameterSchema(schema);
  }

  /** The names of the properties the form declares. */
  public Set<String> declared() {
    return Yaml.map(schema.get("properties")).keySet();
  }

  /** The merged schema, as {@code GET /templates/{name}} shows it. */
  public Map<String, Object> asMap() {
    return schema;
  }

  /**
   * The values with the form's defaults filled in where absent, as Backstage's form does, including
   * those of fields a {@code dependencies} entry (or its matching {@code oneOf}) adds.
   */
  public Map<String, Object> withDefaults(Map<String, Object> values) {
    return FormDefaults.of(schema, values);
  }

  /**
   * One problem per name the form does not declare, sorted. A property of any page counts as
   * declared, as does one of a page's sub-schemas ({@code dependencies}, {@code allOf}, {@code
   * anyOf}, {@code oneOf}, {@code if}/{@code then}/{@code else}) or a name matching one of their
   * {@code patternProperties}. Empty when a page allows other properties ({@code
   * additionalProperties} true or a schema).
   */
  public List<FieldError> undeclared(Collection<String> names) {
    if (open) {
      return List.of();
    }
    return names.stream()
        .filter(name -> !allowed.contains(name))
        .filter(name -> allowedPatterns.stream().noneMatch(p -> p.find(name)))
        .sorted()
        .map(name -> new FieldError(name, "is not a parameter of this template's form"))
        .toList();
  }

  private void collectAllowed(Map<String, Object> part) {
    allowed.addAll(Yaml.map(part.get("properties")).keySet());
    for (String pattern : Yaml.map(part.get("patternProperties")).keySet()) {
      try {
        allowedPatterns.add(EcmaPattern.compile(pattern));
      } catch (IllegalArgumentException e) {
        open = true; // the validator reads it its own way: refuse nothing it might allow
      }
    }
    Object additional = part.get("additionalProperties");
    if (additional != null && !Boolean.FALSE.equals(additional)) {
      open = true;
    }
    for (String keyword : SUB_SCHEMA_LISTS) {
      for (Object sub : Yaml.list(part.get(keyword))) {
        if (sub instanceof Map<?, ?>) {
          collectAllowed(Yaml.map(sub));
        }
      }
    }
    for (String keyword : SUB_SCHEMAS) {
      if (part.get(keyword) instanceof Map<?, ?> sub) {
        collectAllowed(Yaml.map(sub));
      }
    }
    for (Object dependency : Yaml.map(part.get("dependencies")).values()) {
      if (dependency instanceof Map<?, ?> sub) {
        collectAllowed(Yaml.map(sub));
      }
    }
  }

  /** One problem per field that fails the schema; empty when the values are valid. */
  public List<FieldError> validate(Map<String, Object> values) {
    JsonNode node = JSON.valueToTree(values);
    Set<ValidationMessage> messages = validator.validate(node);
    return messages.stream()
        .map(ParameterSchema::fieldError)
        .distinct()
        .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
        .toList();
  }

  private static FieldError fieldError(ValidationMessage message) {
    String location = message.getInstanceLocation().toString();
    String field = location.startsWith("$.") ? location.substring(2) : "";
    if (field.isEmpty() && message.getProperty() != null) {
      field = message.getProperty();
    }
    String text = message.getMessage();
    int colon = text.indexOf(": ");
    if (text.startsWith("$") && colon > 0) {
      text = text.substring(colon + 2);
    }
    return new FieldError(field, text);
  }

  /** A {@code $ref} outside the form would make the API fetch it on every request. */
  private static void refuseRemoteRefs(Object node) {
    if (node instanceof Map<?, ?> map) {
      Object ref = map.get("$ref");
      if (ref != null && !String.valueOf(ref).startsWith("#")) {
        throw new IllegalArgumentException(
            "$ref '" + ref + "' points outside the form; only local refs (#/...) are allowed");
      }
      map.values().forEach(ParameterSchema::refuseRemoteRefs);
    } else if (node instanceof List<?> list) {
      list.forEach(ParameterSchema::refuseRemoteRefs);
    }
  }

  private static Object withoutUiKeys(Object node) {
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach(
          (key, value) -> {
            if (!String.valueOf(key).startsWith("ui:")) {
              copy.put(String.valueOf(key), withoutUiKeys(value));
            }
          });
      return copy;
    }
    if (node instanceof List<?> list) {
      return list.stream().map(ParameterSchema::withoutUiKeys).toList();
    }
    return node;
  }

  /** A field that failed validation, and why. */
  public record FieldError(String field, String message) {}
}
