package dev.paved.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Asks for a template's fields page by page, as the portal's form would: each field's title,
 * description, default, allowed values and pattern; asks again when an answer breaks a rule; never
 * echoes nor shows a secret field ({@code ui:field: Secret} or {@code ui:widget: password}). Paved
 * checks the values again when the run starts.
 */
final class FormPrompt {

  static final String HIDDEN = "********";

  private final Prompt prompt;
  private final PrintWriter out;

  FormPrompt(Prompt prompt, PrintWriter out) {
    this.prompt = prompt;
    this.out = out;
  }

  /** The answers, typed as the form says; fields left empty without a default are left out. */
  Map<String, Object> ask(JsonNode template) {
    Map<String, Object> values = new LinkedHashMap<>();
    Set<String> secrets = new HashSet<>();
    JsonNode pages = template.path("pages");
    int page = 0;
    for (JsonNode p : pages) {
      out.println();
      out.println(
          p.path("title").asText("Page " + (page + 1)) + "  (" + ++page + "/" + pages.size() + ")");
      if (!p.path("description").asText("").isBlank()) {
        out.println(p.path("description").asText().strip());
      }
      Set<String> required = new HashSet<>();
      p.path("required").forEach(r -> required.add(r.asText()));
      for (Iterator<Map.Entry<String, JsonNode>> it = p.path("properties").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        JsonNode schema = field.getValue();
        if (schema.path("ui:widget").asText().equals("hidden")) {
          continue;
        }
        if (secret(schema)) {
          secrets.add(field.getKey());
        }
        Object value = field(field.getKey(), schema, required.contains(field.getKey()));
        if (value != null) {
          values.put(field.getKey(), value);
        }
      }
    }
    out.println();
    out.println("Review:");
    values.forEach(
        (k, v) -> out.println("  " + k + ": " + (secrets.contains(k) ? HIDDEN : display(v))));
    out.flush();
    String go = answer("Create with these values? [Y/n] ");
    if (!go.isBlank() && !go.trim().toLowerCase().startsWith("y")) {
      throw new CliException("nothing was made", ExitCodes.FAILED);
    }
    return values;
  }

  static boolean secret(JsonNode schema) {
    return schema.path("ui:field").asText().equals("Secret")
        || schema.path("ui:widget").asText().equals("password");
  }

  /** Asks until the answer keeps the field's rules; null for an optional field left empty. */
  private Object field(String key, JsonNode schema, boolean required) {
    String title = schema.path("title").asText(key);
    out.println();
    out.println(
        title
            + (required ? " *" : "")
            + (schema.path("description").asText("").isBlank()
                ? ""
                : ": " + schema.path("description").asText().strip()));
    List<String> choices = choices(schema);
    JsonNode names = schema.path("enumNames");
    for (int i = 0; i < choices.size(); i++) {
      String name = names.path(i).asText(choices.get(i));
      out.println(
          "  "
              + (i + 1)
              + ") "
              + name
              + (name.equals(choices.get(i)) ? "" : " (" + choices.get(i) + ")"));
    }
    String type = schema.path("type").asText("string");
    JsonNode fallback = schema.get("default");
    String question =
        "  "
            + key
            + (type.equals("boolean") ? " (y/n)" : "")
            + (type.equals("array") ? " (comma-separated)" : "")
            + (fallback == null || secret(schema) ? "" : " [" + display(fallback) + "]")
            + ": ";
    while (true) {
      out.flush();
      String answer = secret(schema) ? secretAnswer(question) : answer(question).trim();
      if (answer.isEmpty()) {
        if (fallback != null) {
          return ApiClient.JSON.convertValue(fallback, Object.class);
        }
        if (!required) {
          return null;
        }
        out.println("  " + title + " is required");
        continue;
      }
      if (!choices.isEmpty() && answer.matches("\\d+")) {
        int n = Integer.parseInt(answer);
        if (n >= 1 && n <= choices.size()) {
          answer = choices.get(n - 1);
        }
      }
      try {
        return check(answer, schema, choices);
      } catch (IllegalArgumentException miss) {
        out.println("  " + miss.getMessage());
      }
    }
  }

  /** The answer typed as the field's type; IllegalArgumentException saying which rule it broke. */
  static Object check(String answer, JsonNode schema, List<String> choices) {
    switch (schema.path("type").asText("string")) {
      case "boolean" -> {
        String a = answer.toLowerCase();
        if (List.of("y", "yes", "true").contains(a)) {
          return true;
        }
        if (List.of("n", "no", "false").contains(a)) {
          return false;
        }
        throw new IllegalArgumentException("answer y or n");
      }
      case "integer", "number" -> {
        double n;
        try {
          n = Double.parseDouble(answer);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("a number, please");
        }
        boolean integer = schema.path("type").asText().equals("integer");
        if (integer && n != Math.rint(n)) {
          throw new IllegalArgumentException("a whole number, please");
        }
        if (schema.has("minimum") && n < schema.path("minimum").asDouble()) {
          throw new IllegalArgumentException("at least " + schema.path("minimum").asText());
        }
        if (schema.has("maximum") && n > schema.path("maximum").asDouble()) {
          throw new IllegalArgumentException("at most " + schema.path("maximum").asText());
        }
        return integer ? (Object) (long) n : (Object) n;
      }
      case "array" -> {
        List<String> items = new ArrayList<>();
        for (String item : answer.split(",")) {
          if (!item.isBlank()) {
            items.add(item.trim());
          }
        }
        List<String> allowed = textList(schema.path("items").path("enum"));
        for (String item : items) {
          if (!allowed.isEmpty() && !allowed.contains(item)) {
            throw new IllegalArgumentException(
                "'" + item + "' is not one of " + String.join(", ", allowed));
          }
        }
        return items;
      }
      default -> {
        if (!choices.isEmpty() && !choices.contains(answer)) {
          throw new IllegalArgumentException(
              "one of " + String.join(", ", choices) + " (or its number)");
        }
        if (schema.has("minLength") && answer.length() < schema.path("minLength").asInt()) {
          throw new IllegalArgumentException(
              "at least " + schema.path("minLength").asInt() + " characters");
        }
        if (schema.has("maxLength") && answer.length() > schema.path("maxLength").asInt()) {
          throw new IllegalArgumentException(
              "at most " + schema.path("maxLength").asInt() + " characters");
        }
        String pattern = schema.path("pattern").asText("");
        if (!pattern.isEmpty() && !matches(pattern, answer)) {
          // a secret's answer is never repeated back
          throw new IllegalArgumentException("does not match the pattern " + pattern);
        }
        return answer;
      }
    }
  }

  /** JSON Schema patterns are not anchored: a match anywhere counts. */
  private static boolean matches(String pattern, String answer) {
    try {
      return Pattern.compile(pattern).matcher(answer).find();
    } catch (PatternSyntaxException e) {
      return true; // a pattern Java cannot read: Paved's own check decides
    }
  }

  private static List<String> choices(JsonNode schema) {
    return schema.path("type").asText().equals("array")
        ? textList(schema.path("items").path("enum"))
        : textList(schema.path("enum"));
  }

  private static List<String> textList(JsonNode array) {
    List<String> list = new ArrayList<>();
    array.forEach(v -> list.add(v.asText()));
    return list;
  }

  private String answer(String question) {
    String line = prompt.line(question);
    if (line == null) {
      throw new CliException("the input ended before the form was filled in", ExitCodes.INVALID);
    }
    return line;
  }

  private String secretAnswer(String question) {
    char[] line = prompt.secret(question);
    if (line == null) {
      throw new CliException("the input ended before the form was filled in", ExitCodes.INVALID);
    }
    return new String(line);
  }

  private static String display(Object value) {
    if (value instanceof JsonNode node) {
      return node.isTextual() ? node.asText() : node.toString();
    }
    if (value instanceof List<?> list) {
      return String.join(",", list.stream().map(String::valueOf).toList());
    }
    return String.valueOf(value);
  }
}
