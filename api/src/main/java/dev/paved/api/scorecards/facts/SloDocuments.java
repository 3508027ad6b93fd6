package dev.paved.api.scorecards.facts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The operations SLO files cover, and the operations of OpenAPI definitions. An SLO names the
 * operation it covers as {@code "<METHOD> <path>"} (the path as the OpenAPI definition writes it:
 * {@code GET /payments/{id}}) or as its {@code operationId}: in OpenSLO v1 ({@code apiVersion:
 * openslo/v1}, {@code kind: SLO}) with the annotation (or label) {@code paved.dev/operation}; in
 * Sloth ({@code version: prometheus/v1}) with the label {@code paved_operation} of an SLO of {@code
 * slos} (Prometheus label names allow no dots or slashes).
 */
final class SloDocuments {

  static final String OPENSLO_KEY = "paved.dev/operation";
  static final String SLOTH_LABEL = "paved_operation";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  /**
   * An OpenAPI operation.
   *
   * @param key {@code GET /payments/{id}}
   * @param operationId its {@code operationId}, or null
   */
  record Operation(String key, String operationId) {}

  /** A file that is not what it should be. */
  static final class Unreadable extends Exception {
    Unreadable(String message) {
      super(message);
    }
  }

  private SloDocuments() {}

  /** Every document of a (multi-document) YAML or JSON file. */
  static List<JsonNode> documents(String text) throws Unreadable {
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
      while (it.hasNextValue()) {
        JsonNode doc = it.nextValue();
        if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
          docs.add(doc);
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new Unreadable("not YAML: " + firstLine(e.getMessage()));
    }
    return docs;
  }

  /** The operations of an OpenAPI (3.x) or Swagger (2.0) definition. */
  static List<Operation> operations(String definition) throws Unreadable {
    List<JsonNode> docs = documents(definition);
    if (docs.size() != 1 || !docs.get(0).isObject()) {
      throw new Unreadable("not one OpenAPI document");
    }
    return operations(docs.get(0));
  }

  /** The operations of an OpenAPI definition already parsed (a {@code $yaml} placeholder's). */
  static List<Operation> operations(JsonNode root) throws Unreadable {
    if (!root.isObject()) {
      throw new Unreadable("not an OpenAPI definition");
    }
    if (!root.has("openapi") && !root.has("swagger")) {
      throw new Unreadable("not an OpenAPI definition (no openapi or swagger field)");
    }
    List<Operation> operations = new ArrayList<>();
    JsonNode paths = root.path("paths");
    for (var path = paths.fields(); path.hasNext(); ) {
      var entry = path.next();
      for (String method : METHODS) {
        JsonNode op = entry.getValue().path(method);
        if (op.isObject()) {
          operations.add(
              new Operation(
                  method.toUpperCase(Locale.ROOT) + " " + normalisePath(entry.getKey()),
                  op.path("operationId").asText(null)));
        }
      }
    }
    return operations;
  }

  /** What the SLOs of one file name as their operations (as written, normalised). */
  static Set<String> covered(String text) throws Unreadable {
    Set<String> named = new LinkedHashSet<>();
    for (JsonNode doc : documents(text)) {
      if (doc.path("apiVersion").asText().equals("openslo/v1")
          && doc.path("kind").asText().equals("SLO")) {
        JsonNode metadata = doc.path("metadata");
        add(named, metadata.path("annotations").path(OPENSLO_KEY));
        add(named, metadata.path("labels").path(OPENSLO_KEY));
      } else if (doc.path("version").asText().equals("prometheus/v1")) {
        JsonNode slos = doc.path("slos");
        if (!slos.isArray()) {
          throw new Unreadable("a Sloth file without a list of slos");
        }
        for (JsonNode slo : slos) {
          add(named, slo.path("labels").path(SLOTH_LABEL));
        }
      }
    }
    return named;
  }

  /** Whether an SLO naming {@code named} covers the operation. */
  static boolean covers(Set<String> named, Operation operation) {
    return named.contains(operation.key())
        || operation.operationId() != null && named.contains(operation.operationId());
  }

  static JsonNode tree(Object value) {
    return YAML.valueToTree(value);
  }

  private static void add(Set<String> named, JsonNode value) {
    if (value.isTextual()) {
      for (String one : value.asText().split(",")) {
        String v = one.strip();
        int space = v.indexOf(' ');
        if (space > 0 && METHODS.contains(v.substring(0, space).toLowerCase(Locale.ROOT))) {
          named.add(
              v.substring(0, space).toUpperCase(Locale.ROOT)
                  + " "
                  + normalisePath(v.substring(space + 1).strip()));
        } else if (!v.isEmpty()) {
          named.add(v);
        }
      }
    } else if (value.isArray()) {
      value.forEach(v -> add(named, v));
    }
  }

  private static String normalisePath(String path) {
    String p = path.strip();
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
