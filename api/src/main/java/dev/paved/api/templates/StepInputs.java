package dev.paved.api.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import dev.paved.activities.actions.ActionDeclaration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a step's {@code input}, as written, against its action's input schema: types, required
 * inputs, enums and unknown inputs. A value written as a {@code ${{ }}} expression is rendered only
 * when the step runs, so it passes wherever its type cannot be known yet, unless the schema marks
 * the input {@code "x-paved-literal": true}. A null value counts as absent (the action's default).
 * Backstage inputs Paved refuses are listed with the reason under the schema's {@code
 * x-paved-unsupported}; such an input written {@code false} asks for nothing and passes.
 */
final class StepInputs {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Map<JsonNode, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

  private StepInputs() {}

  /** The problems of {@code input}, each naming the input. */
  static List<String> problems(ActionDeclaration action, Map<String, Object> input) {
    JsonNode schema = action.inputSchema();
    JsonNode properties = schema.path("properties");
    JsonNode unsupported = schema.path("x-paved-unsupported");
    List<String> problems = new ArrayList<>();
    Map<String, Object> known = new LinkedHashMap<>();
    input.forEach(
        (name, value) -> {
          if (properties.has(name)) {
            if (value != null) {
              known.put(name, value);
            }
            if (properties.path(name).path("x-paved-literal").asBoolean(false)
                && isExpression(JSON.valueToTree(value))) {
              problems.add("input '" + name + "' must be written as it is, not as an expression");
            }
          } else if (!Boolean.FALSE.equals(value)) {
            problems.add(
                unsupported.has(name)
                    ? "input '" + name + "' is not supported: " + unsupported.path(name).asText()
                    : "input '"
                        + name
                        + "' is not one Paved's "
                        + action.id()
                        + " reads (it reads "
                        + String.join(", ", iterable(properties))
                        + ")");
          }
        });
    JsonSchema validator =
        SCHEMAS.computeIfAbsent(schema, node -> Draft07.FACTORY.getSchema(node, Draft07.CONFIG));
    for (ValidationMessage message : validator.validate(JSON.valueToTree(known))) {
      JsonNode value = message.getInstanceNode();
      if (value != null && (value.isNull() || isExpression(value))) {
        continue;
      }
      problems.add(describe(message));
    }
    return problems.stream().distinct().sorted().toList();
  }

  private static boolean isExpression(JsonNode value) {
    return value.isTextual() && value.asText().contains("${{");
  }

  private static String describe(ValidationMessage message) {
    String location = message.getInstanceLocation().toString();
    String field = location.startsWith("$.") ? location.substring(2) : "";
    if ("required".equals(message.getType())) {
      String property = message.getProperty();
      String prefix = field.isEmpty() ? "" : field + ".";
      return "input '" + prefix + property + "' is required";
    }
    String text = message.getMessage();
    int colon = text.indexOf(": ");
    if (text.startsWith("$") && colon > 0) {
      text = text.substring(colon + 2);
    }
    return "input '" + field + "': " + text;
  }

  private static List<String> iterable(JsonNode properties) {
    List<String> names = new ArrayList<>();
    properties.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
