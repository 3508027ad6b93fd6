package dev.paved.api.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.paved.activities.support.StepFailures;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A catalog entity in Backstage's format ({@code apiVersion}, {@code kind}, {@code metadata},
 * {@code spec}).
 */
public record Entity(Map<String, Object> body) {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static final Pattern NAME =
      Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");

  /** Checks the parts Backstage requires and fills in the default namespace. */
  static Entity parse(Map<String, Object> raw) {
    Map<String, Object> body = new LinkedHashMap<>(raw);
    Object apiVersion = body.get("apiVersion");
    if (!(apiVersion instanceof String v) || !v.contains("backstage.io/")) {
      throw new IllegalArgumentException(
          "apiVersion must be [<group>.]backstage.io/<version>, got " + apiVersion);
    }
    if (!(body.get("kind") instanceof String kind) || kind.isBlank()) {
      throw new IllegalArgumentException("kind is required");
    }
    Map<String, Object> metadata = map(body.get("metadata"));
    if (!(metadata.get("name") instanceof String name) || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "metadata.name must be 1-63 letters, digits, '-', '_' or '.', got "
              + metadata.get("name"));
    }
    metadata.putIfAbsent("namespace", "default");
    if (String.valueOf(metadata.get("namespace")).length() > 63
        || String.valueOf(body.get("kind")).length() > 63) {
      throw new IllegalArgumentException(
          "kind and metadata.namespace may have at most 63 characters");
    }
    body.put("metadata", metadata);
    return new Entity(body);
  }

  public String kind() {
    return String.valueOf(body.get("kind"));
  }

  public String namespace() {
    return String.valueOf(map(body.get("metadata")).getOrDefault("namespace", "default"));
  }

  public String name() {
    return String.valueOf(map(body.get("metadata")).get("name"));
  }

  /** {@code spec.owner} as a full group ref, or null. */
  public String owner() {
    Object owner = map(body.get("spec")).get("owner");
    return owner == null ? null : groupRef(String.valueOf(owner));
  }

  /** The entity's own ref. */
  public EntityRef entityRef() {
    return new EntityRef(kind(), namespace(), name());
  }

  /** {@code kind:namespace/name}, lower-cased as Backstage compares refs. */
  public String ref() {
    return (kind() + ":" + namespace() + "/" + name()).toLowerCase(Locale.ROOT);
  }

  /** A copy of the body with {@code metadata.annotations[key] = value}. */
  static Map<String, Object> withAnnotation(Map<String, Object> body, String key, String value) {
    Map<String, Object> copy = new LinkedHashMap<>(body);
    Map<String, Object> metadata = map(copy.get("metadata"));
    Map<String, Object> annotations = map(metadata.get("annotations"));
    annotations.put(key, value);
    metadata.put("annotations", annotations);
    copy.put("metadata", metadata);
    return copy;
  }

  static String groupRef(String owner) {
    String ref = owner.contains(":") ? owner : "group:" + owner;
    return ref.contains("/") ? ref : ref.replaceFirst(":", ":default/");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node) {
    return node instanceof Map<?, ?> m
        ? new LinkedHashMap<>((Map<String, Object>) m)
        : new LinkedHashMap<>();
  }

  /**
   * Every entity of a catalog file (YAML, one document per entity); InvalidInput naming the file
   * when it is not one or holds none.
   */
  public static List<Entity> parseFile(String content, String file) {
    List<Entity> entities = new ArrayList<>();
    try (JsonParser parser = YAML.getFactory().createParser(content);
        MappingIterator<Map<String, Object>> docs =
            YAML.readerForMapOf(Object.class).readValues(parser)) {
      while (docs.hasNext()) {
        Map<String, Object> doc = docs.next();
        if (doc != null && !doc.isEmpty()) {
          entities.add(Entity.parse(doc));
        }
      }
    } catch (IOException | RuntimeException e) {
      throw StepFailures.invalidInput(
          "catalog:register: " + file + " is not a valid entity file: " + e.getMessage());
    }
    if (entities.isEmpty()) {
      throw StepFailures.invalidInput("catalog:register: " + file + " holds no entity");
    }
    return entities;
  }
}
