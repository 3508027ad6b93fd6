package dev.paved.api.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /api/v1/openapi}: Paved's name and build version, how to sign in,
 * the open health endpoints, and one problem schema for every error (see {@link ProblemAnswers}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static final String PROBLEM = "Problem";
  static final String BASIC = "basic";
  static final String BEARER = "bearer";

  @Bean
  OpenAPI pavedOpenApi(ObjectProvider<BuildProperties> build) {
    BuildProperties properties = build.getIfAvailable();
    // without build-info (a run from an IDE that skipped Maven's resources) the version is unknown
    String version = properties == null ? "unknown" : properties.getVersion();
    return new OpenAPI()
        .info(
            new Info()
                .title("Paved API")
                .version(version)
                .description(
                    "Golden paths of an Internal Developer Platform, run as durable Temporal"
                        + " workflows: templates, runs and their decisions, approvals, production"
                        + " access, the catalog and the audit trail. Every call needs a signed-in"
                        + " user: HTTP basic against a users file (local mode's sample users, or"
                        + " PAVED_USERS_FILE), or a bearer token of the OIDC issuer when"
                        + " PAVED_OIDC_ISSUER_URI is set. Lists answer {\"items\": [...]}; errors"
                        + " are application/problem+json."))
        .components(
            new Components()
                .addSecuritySchemes(
                    BASIC,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("basic")
                        .description("A user of the users file (local mode, PAVED_USERS_FILE)"))
                .addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("A token of the OIDC issuer (PAVED_OIDC_ISSUER_URI)")))
        // either one: Paved signs users in one way, chosen by its configuration
        .addSecurityItem(new SecurityRequirement().addList(BASIC))
        .addSecurityItem(new SecurityRequirement().addList(BEARER));
  }

  /** The health endpoints stay open: a probe or a load balancer has no credentials. */
  @Bean
  OpenApiCustomizer healthEndpoints() {
    return openApi -> {
      openApi.addTagsItem(new Tag().name("Health").description("Open without credentials"));
      openApi.path(
          "/actuator/health",
          health(
              "Paved's health",
              "Status only without credentials; the platform group also sees each component"
                  + " (database, Temporal, GitHub, Vault, Grafana) with its details."));
      openApi.path(
          "/actuator/health/liveness",
          health("Liveness probe", "Whether the process should be restarted."));
      openApi.path(
          "/actuator/health/readiness", health("Readiness probe", "Whether Paved takes requests."));
    };
  }

  private static PathItem health(String summary, String description) {
    Schema<?> body =
        new ObjectSchema()
            .addProperty(
                "status", new StringSchema()._enum(List.of("UP", "DOWN", "OUT_OF_SERVICE")))
            .addProperty("components", new ObjectSchema().description("the platform group only"));
    Content content = new Content().addMediaType("application/json", new MediaType().schema(body));
    return new PathItem()
        .get(
            new Operation()
                .operationId(summary.toLowerCase().replace(' ', '-').replace("'", ""))
                .summary(summary)
                .description(description)
                .addTagsItem("Health")
                .security(List.of()) // open
                .responses(
                    new ApiResponses()
                        .addApiResponse("200", new ApiResponse().description("up").content(content))
                        .addApiResponse(
                            "503", new ApiResponse().description("down").content(content))));
  }

  /** RFC 9457's members, and Paved's own where a problem has them. */
  static Schema<?> problemSchema() {
    Schema<?> schema =
        new ObjectSchema()
            .description(
                "An error (application/problem+json): type names the kind of problem, detail says"
                    + " what to change.")
            .addProperty(
                "type",
                new StringSchema()
                    .format("uri")
                    .example("https://paved.dev/problems/invalid-request"))
            .addProperty("title", new StringSchema())
            .addProperty("status", new IntegerSchema())
            .addProperty("detail", new StringSchema())
            .addProperty("instance", new StringSchema())
            .addProperty(
                "allowed",
                new ArraySchema()
                    .items(new StringSchema())
                    .description("the values a parameter may take"))
            .addProperty(
                "errors",
                new ArraySchema()
                    .items(new ObjectSchema())
                    .description("each field of a body or form that is wrong, and why"))
            .addProperty(
                "errorId",
                new StringSchema().description("of a 500: where the server log has the details"));
    schema.setAdditionalProperties(Boolean.TRUE);
    schema.setRequired(List.of("type", "title", "status"));
    return schema;
  }

  static Content problemContent() {
    return new Content()
        .addMediaType(
            org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
  }

  static final Map<String, String> GENERIC =
      Map.of(
          "400", "the request is malformed: a parameter or body Paved cannot read",
          "401", "not signed in (WWW-Authenticate says how)",
          "403", "signed in, but not allowed to do this",
          "500", "Paved could not answer; the problem names an error id in the server log");
}
