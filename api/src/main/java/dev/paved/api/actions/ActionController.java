package dev.paved.api.actions;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paved.activities.actions.ActionDeclaration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The actions templates may use, in the shape of Backstage's {@code GET
 * /api/scaffolder/v2/actions}, so Backstage's tooling (template editors, the actions page) reads
 * it.
 */
@Tag(name = "Actions", description = "The actions a template's steps may use")
@RestController
@RequestMapping("/api/v1/actions")
class ActionController {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One action as Backstage lists it. */
  record ActionInfo(
      String id, String description, List<ActionExample> examples, ActionSchema schema) {

    static ActionInfo of(ActionDeclaration action) {
      return new ActionInfo(
          action.id(),
          action.description(),
          action.examples().stream()
              .map(e -> new ActionExample(e.get("description"), e.get("example")))
              .toList(),
          new ActionSchema(map(action.inputSchema()), map(action.outputSchema())));
    }
  }

  /**
   * A documented use of the action.
   *
   * @param example a template's {@code steps:}, as YAML text
   */
  record ActionExample(String description, String example) {}

  /** The JSON Schemas (draft-07) of the action's input and output. */
  record ActionSchema(Map<String, Object> input, Map<String, Object> output) {}

  @Operation(summary = "List every action with its input and output schemas and examples")
  @ApiResponse(responseCode = "200", description = "every action, as Backstage's /v2/actions")
  @GetMapping
  List<ActionInfo> list() {
    return ActionRegistry.ALL.stream().map(ActionInfo::of).toList();
  }

  private static Map<String, Object> map(JsonNode schema) {
    return JSON.convertValue(schema, new TypeReference<Map<String, Object>>() {});
  }
}
