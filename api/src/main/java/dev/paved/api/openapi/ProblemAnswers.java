package dev.paved.api.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The errors every signed-in operation can answer, added once here rather than on each method: 401
 * and 403 from the security filters, 400 when a parameter or body cannot be read, 413 and 415 for a
 * body too large or not JSON, 500. Operations declare their own (404, 409, 422, ...) with
 * {@code @ApiResponse}; every error is given the shared problem schema as {@code
 * application/problem+json}.
 */
@Component
class ProblemAnswers implements OpenApiCustomizer {

  /** What any operation that reads a body can answer (docs/operations.md, Limits). */
  private static final Map<String, String> BODY =
      Map.of(
          "413", "the body is larger than paved.limits.body-size",
          "415", "the body is not application/json");

  @Override
  public void customise(OpenAPI openApi) {
    // here, not with the other components: springdoc drops schemas nothing refers to yet
    openApi
        .getComponents()
        .addSchemas(OpenApiConfiguration.PROBLEM, OpenApiConfiguration.problemSchema());
    openApi.getPaths().values().stream()
        .flatMap(path -> path.readOperations().stream())
        .filter(operation -> !open(operation))
        .forEach(ProblemAnswers::addProblems);
  }

  private static boolean open(Operation operation) {
    return operation.getSecurity() != null && operation.getSecurity().isEmpty();
  }

  private static void addProblems(Operation operation) {
    ApiResponses responses = operation.getResponses();
    boolean readsInput =
        operation.getRequestBody() != null
            || (operation.getParameters() != null && !operation.getParameters().isEmpty());
    OpenApiConfiguration.GENERIC.forEach(
        (status, description) -> {
          if (!responses.containsKey(status) && (readsInput || !status.equals("400"))) {
            responses.addApiResponse(status, new ApiResponse().description(description));
          }
        });
    if (operation.getRequestBody() != null) {
      BODY.forEach(
          (status, description) ->
              responses.computeIfAbsent(status, s -> new ApiResponse().description(description)));
    }
    responses.forEach(
        (status, response) -> {
          if (status.length() == 3 && status.charAt(0) >= '4') {
            response.setContent(OpenApiConfiguration.problemContent());
          }
        });
  }
}
