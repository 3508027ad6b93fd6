package dev.paved.api.actions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paved.activities.actions.ActionDeclaration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders the generated part of docs/actions.md from the declarations. */
final class ActionsReference {

  static final String BEGIN =
      "<!-- Generated from the action declarations by ActionsReferenceTest: do not edit below. -->";
  static final String END = "<!-- End of the generated reference. -->";

  private ActionsReference() {}

  /** {@code page} with the part between the markers rendered again. */
  static String render(String page, List<ActionDeclaration> actions) {
    int begin = page.indexOf(BEGIN);
    int end = page.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalStateException("docs/actions.md lacks the markers " + BEGIN + " / " + END);
    }
    StringBuilder out = new StringBuilder(page.substring(0, begin)).append(BEGIN).append("\n\n");
    for (ActionDeclaration action : actions) {
      out.append(section(action));
    }
    return out.append(page.substring(end)).toString();
  }

  private static String section(ActionDeclaration action) {
    JsonNode input = action.inputSchema();
    StringBuilder out = new StringBuilder();
    out.append("### `").append(action.id()).append("`\n\n");
    out.append(action.description()).append("\n\n");
    List<String> required = new ArrayList<>();
    input.path("required").forEach(r -> required.add(r.asText()));
    if (input.path("properties").isEmpty()) {
      out.append("Inputs: none.\n\n");
    } else {
      out.append("| input | type | default | |\n|---|---|---|---|\n");
      input
          .path("properties")
          .fields()
          .forEachRemaining(
              p ->
                  out.append("| `")
                      .append(p.getKey())
                      .append("` | ")
                      .append(type(p.getValue()))
                      .append(" | ")
                      .append(
                          required.contains(p.getKey())
                              ? "required"
                              : p.getValue().has("default")
                                  ? "`" + p.getValue().path("default") + "`"
                                  : "")
                      .append(" | ")
                      .append(cell(p.getValue().path("description").asText()))
                      .append(" |\n"));
      out.append("\n");
    }
    List<String> refused = new ArrayList<>();
    input
        .path("x-paved-unsupported")
        .fields()
        .forEachRemaining(f -> refused.add("`" + f.getKey() + "` (" + f.getValue().asText() + ")"));
    if (!refused.isEmpty()) {
      out.append("Refused Backstage inputs: ").append(String.join("; ", refused)).append(".\n\n");
    }
    List<String> outputs = new ArrayList<>();
    action
        .outputSchema()
        .path("properties")
        .fields()
        .forEachRemaining(
            f ->
                outputs.add(
                    "`" + f.getKey() + "` (" + f.getValue().path("description").asText() + ")"));
    out.append("Outputs: ").append(outputs.isEmpty() ? "none" : String.join(", ", outputs));
    out.append(".\nUndo: ")
        .append(
            action.undoActivityType() == null
                ? "none"
                : "activity `" + action.undoActivityType() + "`")
        .append(".\nRuns: ")
        .append(
            action.activityType() == null
                ? "in the workflow itself (no activity)"
                : "activity `"
                    + action.activityType()
                    + "` on `"
                    + action.taskQueue()
                    + "`, step class `"
                    + action.stepClass().name().toLowerCase()
                    + "`")
        .append(".\n\n");
    for (Map<String, String> example : action.examples()) {
      out.append(example.get("description")).append(":\n\n```yaml\n# step example\n");
      out.append(steps(example.get("example"))).append("```\n\n");
    }
    return out.toString();
  }

  /** The example's {@code steps:} list, as a step example of the page. */
  private static String steps(String example) {
    String body = example.substring(example.indexOf('\n') + 1);
    StringBuilder out = new StringBuilder();
    body.lines()
        .forEach(line -> out.append(line.startsWith("  ") ? line.substring(2) : line).append("\n"));
    return out.toString();
  }

  private static String type(JsonNode property) {
    JsonNode type = property.path("type");
    String text =
        type.isArray()
            ? String.join(" or ", iterable(type))
            : type.isMissingNode() ? "any" : type.asText();
    if (property.has("enum")) {
      text += ": " + String.join(", ", iterable(property.path("enum")));
    }
    return text;
  }

  private static List<String> iterable(JsonNode array) {
    List<String> items = new ArrayList<>();
    array.forEach(item -> items.add(item.asText()));
    return items;
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
