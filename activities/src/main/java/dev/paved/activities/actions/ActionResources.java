package dev.paved.activities.actions;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reads the resources an action keeps beside its declaration, once per class and name. */
final class ActionResources {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Map<String, Object> CACHE = new ConcurrentHashMap<>();

  private ActionResources() {}

  static JsonNode json(Class<?> declaration, String name) {
    return (JsonNode)
        CACHE.computeIfAbsent(
            declaration.getName() + "/" + name, key -> read(declaration, name, JSON));
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, String>> examples(Class<?> declaration) {
    return (List<Map<String, String>>)
        CACHE.computeIfAbsent(
            declaration.getName() + "/example.yaml",
            key -> {
              JsonNode node = read(declaration, "example.yaml", YAML);
              return List.copyOf(
                  YAML.convertValue(node, new TypeReference<List<Map<String, String>>>() {}));
            });
  }

  private static JsonNode read(Class<?> declaration, String name, ObjectMapper mapper) {
    try (InputStream in = declaration.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(declaration.getName() + " has no resource " + name);
      }
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(declaration.getName() + ": " + name, e);
    }
  }
}
