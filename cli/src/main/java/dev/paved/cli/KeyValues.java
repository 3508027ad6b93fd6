package dev.paved.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Parameters from {@code key=value} words and a YAML values file. */
final class KeyValues {

  private KeyValues() {}

  /**
   * The words as a map; a value is typed by the form's field (number, integer, boolean, array as
   * comma-separated) when the form says so, else kept as text. {@code key=} sends null.
   */
  static Map<String, Object> parse(List<String> words, JsonNode schema) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String word : words) {
      int eq = word.indexOf('=');
      if (eq <= 0) {
        throw new CliException("'" + word + "' is not key=value", ExitCodes.INVALID);
      }
      String key = word.substring(0, eq);
      String value = word.substring(eq + 1);
      values.put(key, typed(value, schema.path("properties").path(key).path("type").asText("")));
    }
    return values;
  }

  private static Object typed(String value, String type) {
    if (value.isEmpty() && !type.equals("string")) {
      return null;
    }
    try {
      return switch (type) {
        case "integer" -> Long.parseLong(value);
        case "number" -> Double.parseDouble(value);
        case "boolean" -> Boolean.parseBoolean(value);
        case "array" -> List.of(value.split(","));
        default -> value;
      };
    } catch (NumberFormatException e) {
      return value; // Paved's answer names the field and what it expects
    }
  }

  /** A YAML mapping of parameters, read without constructing any Java type it names. */
  static Map<String, Object> file(Path path) {
    try (Reader reader = Files.newBufferedReader(path)) {
      Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
      if (loaded == null) {
        return new LinkedHashMap<>();
      }
      if (!(loaded instanceof Map<?, ?> map)) {
        throw new CliException(path + " is not a mapping of parameters", ExitCodes.INVALID);
      }
      Map<String, Object> values = new LinkedHashMap<>();
      map.forEach((k, v) -> values.put(String.valueOf(k), v));
      return values;
    } catch (IOException e) {
      throw new CliException("cannot read " + path + ": " + e.getMessage(), ExitCodes.INVALID);
    }
  }
}
