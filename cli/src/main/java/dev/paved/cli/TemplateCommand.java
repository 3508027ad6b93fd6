package dev.paved.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** A template's form as a readable list of fields, page by page. */
@Command(
    name = "template",
    mixinStandardHelpOptions = true,
    description = "Show a template's form: each field's type, default, allowed values and pattern.")
final class TemplateCommand implements Callable<Integer> {

  private final Session session;

  @Parameters(index = "0", paramLabel = "NAME", description = "the template's name")
  String name;

  @Mixin OutputOption output;

  TemplateCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    JsonNode template = session.api().get("/templates/" + ApiClient.encode(name));
    output.print(session.out(), template, t -> form(t, session.out()));
    return ExitCodes.OK;
  }

  /** The template's form, page by page, and its steps. */
  static void form(JsonNode template, PrintWriter out) {
    out.println(template.path("name").asText() + "  " + template.path("title").asText());
    if (!template.path("description").asText().isBlank()) {
      out.println(template.path("description").asText().strip());
    }
    int page = 0;
    for (JsonNode p : template.path("pages")) {
      out.println();
      out.println("Page " + ++page + ": " + p.path("title").asText(""));
      Set<String> required = new HashSet<>();
      p.path("required").forEach(r -> required.add(r.asText()));
      for (Iterator<Map.Entry<String, JsonNode>> it = p.path("properties").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        out.println(describe(field.getKey(), field.getValue(), required.contains(field.getKey())));
      }
    }
    out.println();
    out.println("Steps:");
    for (JsonNode step : template.path("steps")) {
      out.println(
          "  "
              + step.path("id").asText()
              + "  "
              + step.path("name").asText()
              + "  ("
              + step.path("action").asText()
              + ")");
    }
  }

  /** One field: " name string, required Name: description" and its rules on the next line. */
  static String describe(String key, JsonNode field, boolean required) {
    String type = field.path("type").asText("any") + (required ? ", required" : "");
    StringBuilder line = new StringBuilder("  " + key + "  (" + type + ")");
    String title = field.path("title").asText("");
    if (!title.isEmpty()) {
      line.append("  ").append(title);
    }
    if (!field.path("description").asText("").isEmpty()) {
      line.append(": ").append(field.path("description").asText().strip());
    }
    List<String> rules = new ArrayList<>();
    if (field.has("default")) {
      rules.add("default " + field.get("default"));
    }
    if (field.path("enum").isArray()) {
      rules.add("one of " + Problems.join(field.path("enum")));
    }
    if (field.has("pattern")) {
      rules.add("pattern " + field.path("pattern").asText());
    }
    if (field.has("minLength") || field.has("maxLength")) {
      rules.add(
          "length "
              + field.path("minLength").asText("0")
              + ".."
              + field.path("maxLength").asText(""));
    }
    if (field.has("minimum") || field.has("maximum")) {
      rules.add(
          "range " + field.path("minimum").asText("") + ".." + field.path("maximum").asText(""));
    }
    if (!rules.isEmpty()) {
      line.append(System.lineSeparator()).append("      ").append(String.join("; ", rules));
    }
    return line.toString();
  }
}
