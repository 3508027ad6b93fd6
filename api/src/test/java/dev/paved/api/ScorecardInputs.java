package dev.paved.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a generated repository's files the way the scorecards' collectors read them
 * (docs/scorecards.md): catalog entities with their {@code $text} placeholders read, the operations
 * of an OpenAPI definition, the OpenSLO {@code kind: SLO} documents of a folder.
 */
final class ScorecardInputs {

  static final YAMLMapper YAML = new YAMLMapper();

  /** The label naming an SLO's endpoint as {@code "<METHOD> <path>"}, as docs/templates.md says. */
  static final String OPERATION = "paved.dev/operation";

  /** The label naming an SLO's endpoint by the OpenAPI operationId. */
  static final String OPERATION_ID = "paved.dev/operation-id";

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private ScorecardInputs() {}

  /** Every YAML document of the file. */
  static List<JsonNode> documents(Path file) throws IOException {
    return documents(Files.readString(file));
  }

  static List<JsonNode> documents(String yaml) throws IOException {
    return YAML.readValues(YAML.createParser(yaml), JsonNode.class).readAll();
  }

  /**
   * The catalog file with each {@code {$text: ./file}} replaced by that file's text, as the catalog
   * reads it (Backstage's placeholder, relative to the catalog file).
   */
  static String withPlaceholdersRead(Path catalogInfo) throws IOException {
    StringBuilder out = new StringBuilder();
    for (JsonNode document : documents(catalogInfo)) {
      out.append(YAML.writeValueAsString(read(document, catalogInfo.getParent())));
    }
    return out.toString();
  }

  private static JsonNode read(JsonNode node, Path base) throws IOException {
    if (node.isObject() && node.size() == 1 && node.has("$text")) {
      return TextNode.valueOf(Files.readString(base.resolve(node.get("$text").asText())));
    }
    if (node.isObject()) {
      ObjectNode copy = ((ObjectNode) node).deepCopy();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        copy.set(field.getKey(), read(field.getValue(), base));
      }
      return copy;
    }
    return node;
  }

  /** The OpenAPI definition's operations: {@code "GET /hello"} to its operationId (or ""). */
  static Map<String, String> operations(String openApi) throws IOException {
    Map<String, String> operations = new LinkedHashMap<>();
    JsonNode paths = YAML.readTree(openApi).path("paths");
    for (Map.Entry<String, JsonNode> path : paths.properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        if (METHODS.contains(operation.getKey())) {
          operations.put(
              operation.getKey().toUpperCase() + " " + path.getKey(),
              operation.getValue().path("operationId").asText(""));
        }
      }
    }
    return operations;
  }

  /** Every OpenSLO v1 {@code kind: SLO} document in the YAML files of the folder. */
  static List<JsonNode> slos(Path folder) throws IOException {
    List<JsonNode> slos = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().matches(".*\\.ya?ml")).sorted().toList()) {
        for (JsonNode document : documents(file)) {
          if (document.path("apiVersion").asText().equals("openslo/v1")
              && document.path("kind").asText().equals("SLO")) {
            slos.add(document);
          }
        }
      }
    }
    return slos;
  }
}
