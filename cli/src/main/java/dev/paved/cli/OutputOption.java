package dev.paved.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/** {@code --output json|table}, mixed into every command. */
final class OutputOption {

  enum Format {
    table,
    json
  }

  @Option(
      names = {"-o", "--output"},
      description = "table (default, for people) or json (the API's answer, for scripts)",
      defaultValue = "table")
  Format format = Format.table;

  boolean json() {
    return format == Format.json;
  }

  /** Prints the API's answer: as JSON for scripts, or for people as {@code forPeople} writes it. */
  void print(PrintWriter out, JsonNode answer, Consumer<JsonNode> forPeople) {
    if (json()) {
      printJson(out, answer);
    } else {
      forPeople.accept(answer);
      out.flush();
    }
  }

  static void printJson(PrintWriter out, JsonNode node) {
    try {
      out.println(ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
