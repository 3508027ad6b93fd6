package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The served OpenAPI document is valid and describes the API as it answers: each call below is made
 * over HTTP, and the status it got must be among its operation's documented responses.
 */
class OpenApiDocumentTest extends EndToEndTest {

  private static final String RUNS = "/api/v1/runs";
  private static final String ACCESS = "/api/v1/access-requests";

  @Autowired JdbcClient jdbc;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** "METHOD /path/{template}" to the statuses calls to it were answered with. */
  private final Map<String, TreeSet<Integer>> answered = new TreeMap<>();

  private OpenAPI document;

  @Test
  void theDocumentIsValidAndNamesPavedItsVersionAndHowToSignIn() throws IOException {
    SwaggerParseResult parsed = parse();

    assertThat(parsed.getMessages()).isEmpty();
    OpenAPI api = parsed.getOpenAPI();
    assertThat(api.getInfo().getTitle()).isEqualTo("Paved API");
    assertThat(api.getInfo().getVersion()).isEqualTo(buildVersion()).isNotEqualTo("v0");
    assertThat(api.getInfo().getDescription()).isNotBlank();
    assertThat(api.getComponents().getSecuritySchemes())
        .hasEntrySatisfying("basic", s -> assertThat(s.getScheme()).isEqualTo("basic"))
        .hasEntrySatisfying("bearer", s -> assertThat(s.getBearerFormat()).isEqualTo("JWT"));
    assertThat(api.getSecurity()).extracting(r -> r.keySet()).hasSize(2);
    assertThat(api.getComponents().getSchemas()).containsKey("Problem");
    operations(api)
        .forEach(
            (key, operation) -> {
              assertThat(operation.getSummary()).as(key).isNotBlank();
              operation.getResponses().entrySet().stream()
                  .filter(r -> r.getKey().startsWith("2"))
                  .forEach(
                      r ->
                          assertThat(r.getValue().getContent())
                              .as(key + " " + r.getKey() + " describes its body")
                              .isNotEmpty());
              operation.getResponses().entrySet().stream()
                  .filter(r -> r.getKey().charAt(0) >= '4' && !key.contains("/actuator/"))
                  .forEach(
                      r ->
                          assertThat(r.getValue().getContent())
                              .as(key + " " + r.getKey())
                              .containsOnlyKeys("application/problem+json"));
            });
    assertThat(operations(api).get("GET /actuator/health/liveness").getSecurity()).isEmpty();
    assertThat(operations(api).get("GET /api/v1/runs").getSecurity()).isNull();
  }

  @Test
  void everyListIsOneEnvelopeThatNamesTheTypeOfItsItems() throws IOException {
    OpenAPI api = parse().getOpenAPI();
    Map<String, String> lists =
        Map.of(
            "GET /api/v1/runs", "RunSummary",
            "GET /api/v1/access-requests", "AccessView",
            "GET /api/v1/approvals", "PendingApproval",
            "GET /api/v1/audit", "AuditEvent",
            "GET /api/v1/pull-requests", "PullRequestRecord");
    lists.forEach(
        (key, element) -> {
          Schema<?> answer =
              operations(api)
                  .get(key)
                  .getResponses()
                  .get("200")
                  .getContent()
                  .values()
                  .iterator()
                  .next()
                  .getSchema();
          Schema<?> envelope = resolve(api, answer);
          assertThat(envelope.getProperties()).as(key).containsOnlyKeys("items", "nextCursor");
          assertThat(envelope.getProperties().get("items").getItems().get$ref())
              .as(key)
              .isEqualTo("#/components/schemas/" + element);
        });
  }

  private static Schema<?> resolve(OpenAPI api, Schema<?> schema) {
    String ref = schema.get$ref();
    return ref == null
        ? schema
        : api.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
  }

  @Test
  void everyStatusTheApiAnswersIsDocumented() throws Exception {
    document = parse().getOpenAPI();
    AccessRequestsTest.ledgerInTheCatalog(jdbc);

    withoutCredentialsEveryApiOperationIs401();
    healthStaysOpen();
    templates();
    runs();
    access();
    approvalsAuditCatalogAndPullRequests();
    scorecards();
    scorecardWaiversAndInitiatives();

    Map<String, Operation> operations = operations(document);
    assertThat(operations).containsKeys(answered.keySet().toArray(String[]::new));
    answered.forEach(
        (key, statuses) ->
            assertThat(operations.get(key).getResponses().keySet())
                .as("%s answered %s", key, statuses)
                .containsAll(statuses.stream().map(String::valueOf).toList()));
    // every operation was called signed in, so a new endpoint needs calls here
    assertThat(answered.entrySet())
        .filteredOn(e -> !e.getValue().equals(new TreeSet<>(List.of(401))))
        .extracting(Map.Entry::getKey)
        .containsAll(operations.keySet());
  }

  private void withoutCredentialsEveryApiOperationIs401() throws Exception {
    for (String key : operations(document).keySet()) {
      String method = key.substring(0, key.indexOf(' '));
      String path = key.substring(key.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "x");
      if (path.startsWith("/api/")) {
        assertThat(call(null, method, path, "{}").status()).as(key).isEqualTo(401);
      }
    }
  }

  private void healthStaysOpen() throws Exception {
    for (String probe : List.of("", "/liveness", "/readiness")) {
      assertThat(call(null, "GET", "/actuator/health" + probe, null).status()).isEqualTo(200);
    }
  }

  private void templates() throws Exception {
    call("pat", "GET", "/api/v1/templates", null);
    call("pat", "GET", "/api/v1/templates/java-service", null);
    call("pat", "GET", "/api/v1/templates/no-such-template", null);
    call("pat", "GET", "/api/v1/actions", null);
  }

  private void runs() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    call("pat", "POST", RUNS, "{}");
    call("pat", "POST", RUNS, run("no-such-template", "x" + suffix, "team-ops"));
    call("carol", "POST", RUNS, run("pauses-on-register", "c" + suffix, "team-payments"));
    call("pat", "POST", RUNS + "?dryRun=true", run("pauses-on-register", "d" + suffix, "team-ops"));
    String key = "openapi-" + suffix;
    String body = run("pauses-on-register", "p" + suffix, "team-ops");
    String paused = id(call("pat", "POST", RUNS, body, "Idempotency-Key", key));
    call("pat", "POST", RUNS, body, "Idempotency-Key", key);
    call(
        "pat",
        "POST",
        RUNS,
        run("pauses-on-register", "q" + suffix, "team-ops"),
        "Idempotency-Key",
        key);
    call("pat", "POST", RUNS, body);

    call("pat", "GET", RUNS, null);
    Call unknownStatus = call("pat", "GET", RUNS + "?status=NOPE", null);
    assertThat(JSON.readTree(unknownStatus.body()).path("errors").get(0).path("field").asText())
        .isEqualTo("status");
    String next =
        JSON.readTree(call("pat", "GET", RUNS + "?limit=1", null).body())
            .path("nextCursor")
            .asText();
    call("pat", "GET", RUNS + "?limit=1&cursor=" + next, null);
    call("pat", "GET", RUNS + "?cursor=nonsense", null);
    call("pat", "GET", RUNS + "/" + paused, null);
    call("pat", "GET", RUNS + "/r-unknown", null);
    call("pat", "GET", RUNS + "/r-unknown/events", null);
    call("pat", "GET", RUNS + "/r-unknown/history", null);
    awaitStatus(paused, "NEEDS_ATTENTION");
    call("pat", "GET", RUNS + "/" + paused + "/history", null);
    for (String decision : List.of("retry", "rollback", "cancel", "rerun")) {
      call("pat", "POST", RUNS + "/r-unknown/" + decision, "{}");
      call("carol", "POST", RUNS + "/" + paused + "/" + decision, "{}");
    }
    call("pat", "POST", RUNS + "/" + paused + "/rerun", "{}");
    call("pat", "POST", RUNS + "/" + paused + "/retry", "{\"parameters\":{\"name\":\"other\"}}");
    call("pat", "POST", RUNS + "/" + paused + "/approval", "{\"decision\":\"maybe\"}");
    call("pat", "POST", RUNS + "/" + paused + "/approval", "{\"decision\":\"approve\"}");
    call("pat", "POST", RUNS + "/r-unknown/approval", "{\"decision\":\"approve\"}");
    call("pat", "POST", RUNS + "/" + paused + "/retry", "{}");
    awaitStatus(paused, "NEEDS_ATTENTION");
    call("pat", "POST", RUNS + "/" + paused + "/rollback", "{}");
    awaitStatus(paused, "ROLLED_BACK");
    call("pat", "GET", RUNS + "/" + paused + "/events", null);
    call("pat", "POST", RUNS + "/" + paused + "/cancel", "{}");
    String rerun = id(call("pat", "POST", RUNS + "/" + paused + "/rerun", "{}"));
    call("pat", "POST", RUNS + "/" + rerun + "/cancel", "{}");
  }

  private void awaitStatus(String runId, String status) {
    awaitAnswer(RUNS + "/" + runId, run -> status.equals(run.path("status").asText()));
  }

  private void access() throws Exception {
    String ask =
        "{\"service\":\"component:default/ledger\",\"environment\":\"production\","
            + "\"role\":\"read\",\"reason\":\"INC-1: the OpenAPI test\",\"duration\":\"PT1H\"}";
    String key = "openapi-" + UUID.randomUUID();
    call("alice", "POST", ACCESS, "{}");
    call("alice", "POST", ACCESS, ask.replace("PT1H", "P30D"));
    call("alice", "POST", ACCESS, ask.replace("}", ",\"breakGlass\":true}"));
    String id = id(call("alice", "POST", ACCESS, ask, "Idempotency-Key", key));
    call("alice", "POST", ACCESS, ask, "Idempotency-Key", key);
    call("alice", "POST", ACCESS, ask.replace("INC-1", "INC-2"), "Idempotency-Key", key);
    String toCancel = id(call("alice", "POST", ACCESS, ask));

    call("alice", "GET", ACCESS, null);
    call("alice", "GET", ACCESS + "?status=NOPE", null);
    call("alice", "GET", ACCESS + "?cursor=nonsense", null);
    call("alice", "GET", ACCESS + "/" + id, null);
    call("carol", "GET", ACCESS + "/" + id, null);
    String approval = ACCESS + "/" + id + "/approval";
    call("alice", "POST", approval, "{\"decision\":\"approve\"}");
    call("bob", "POST", approval, "{\"decision\":\"maybe\"}");
    call("bob", "POST", approval, "{\"decision\":\"approve\"}");
    call("sam", "POST", approval, "{\"decision\":\"approve\"}");
    call("bob", "POST", ACCESS + "/a-unknown/approval", "{\"decision\":\"approve\"}");
    call("alice", "POST", ACCESS + "/" + id + "/acknowledge", "{}");
    call("carol", "POST", ACCESS + "/" + id + "/revoke", "{}");
    call("alice", "POST", ACCESS + "/" + id + "/revoke", "{}");
    call("alice", "POST", ACCESS + "/" + toCancel + "/cancel", "{}");
    for (String action : List.of("revoke", "cancel", "acknowledge")) {
      call("alice", "POST", ACCESS + "/a-unknown/" + action, "{}");
    }
  }

  private void approvalsAuditCatalogAndPullRequests() throws Exception {
    call("bob", "GET", "/api/v1/approvals", null);
    call("bob", "GET", "/api/v1/approvals?limit=0", null);
    call("bob", "GET", "/api/v1/approvals?pending=false", null);
    call("audrey", "GET", "/api/v1/audit?limit=5", null);
    call("alice", "GET", "/api/v1/audit", null);
    call("audrey", "GET", "/api/v1/audit?from=yesterday", null);
    call("pat", "GET", "/api/v1/catalog/entities", null);
    call("alice", "GET", "/api/v1/me", null);
    call("pat", "GET", "/api/v1/catalog/entities/component/default/ledger", null);
    call("pat", "GET", "/api/v1/catalog/entities/component/default/no-such", null);
    call("pat", "GET", "/api/v1/catalog/entities/component/default/ledger/overview?depth=2", null);
    call("pat", "GET", "/api/v1/catalog/entities/component/default/no-such/overview", null);
    call("pat", "GET", "/api/v1/pull-requests", null);
    call("pat", "GET", "/api/v1/pull-requests/team-ops/no-such/1", null);
    String collect = "/api/v1/scorecards/facts/collect";
    call("pat", "POST", collect, "{\"entity\":\"component:default/ledger\"}");
    call("pat", "POST", collect, "{\"collector\":\"no-such\"}");
  }

  private void scorecards() throws Exception {
    call("pat", "GET", "/api/v1/scorecards", null);
    call("pat", "GET", "/api/v1/scorecards/no-such", null);
    call("pat", "GET", "/api/v1/scorecards/no-such/summary", null);
    call("pat", "GET", "/api/v1/scorecards/no-such/trend", null);
    call("pat", "GET", "/api/v1/scorecards/no-such/results.csv", null);
    call("pat", "POST", "/api/v1/scorecards/no-such/evaluate", "{}");
    call("pat", "GET", "/api/v1/catalog/entities/component/default/ledger/scores", null);
    call("pat", "GET", "/api/v1/catalog/entities/component/default/no-such/scores", null);
  }

  private void scorecardWaiversAndInitiatives() throws Exception {
    String waiver =
        "{\"entity\":\"ledger\",\"rule\":\"coverage\",\"reason\":\"r\","
            + "\"expiresAt\":\"2099-01-01T00:00:00Z\"}";
    call("alice", "POST", "/api/v1/scorecards/no-such/waivers", waiver);
    call("alice", "POST", "/api/v1/scorecards/no-such/waivers", "{}");
    call("pat", "GET", "/api/v1/scorecards/no-such/waivers", null);
    call("pat", "GET", "/api/v1/scorecards/waivers/w-none", null);
    call("pat", "POST", "/api/v1/scorecards/waivers/w-none/decision", "{\"approve\":true}");
    call("pat", "POST", "/api/v1/scorecards/waivers/w-none/decision", "{}");
    call("pat", "POST", "/api/v1/scorecards/waivers/w-none/approval", "{\"decision\":\"approve\"}");
    String initiative =
        "{\"title\":\"t\",\"target\":{\"level\":\"Gold\"},"
            + "\"deadline\":\"2099-01-01T00:00:00Z\"}";
    call("pat", "POST", "/api/v1/scorecards/no-such/initiatives", initiative);
    call("pat", "POST", "/api/v1/scorecards/no-such/initiatives", "{}");
    call("pat", "GET", "/api/v1/scorecards/no-such/initiatives", null);
    call("pat", "GET", "/api/v1/scorecards/initiatives/i-none", null);
  }

  private static String run(String template, String name, String owner) {
    return "{\"template\":\""
        + template
        + "\",\"parameters\":{\"name\":\""
        + name
        + "\",\"owner\":\""
        + owner
        + "\"}}";
  }

  private static String id(Call call) throws IOException {
    assertThat(call.status()).as(call.body()).isEqualTo(202);
    return JSON.readTree(call.body()).path("id").asText();
  }

  record Call(int status, String body) {}

  /** One call over HTTP, as {@code user} (password = name) or without credentials. */
  private Call call(String user, String method, String path, String body, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (user != null) {
      String credentials = user + ":" + user;
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (document != null) {
      String key = method + " " + operationPath(path);
      answered.computeIfAbsent(key, k -> new TreeSet<>()).add(response.statusCode());
    }
    return new Call(response.statusCode(), response.body());
  }

  /** The document's path a call reached: the one matching it with the fewest variables. */
  private String operationPath(String path) {
    String plain = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    if (document == null) {
      return plain;
    }
    return document.getPaths().keySet().stream()
        .filter(p -> plain.matches(p.replaceAll("\\{[^}]+}", "[^/]+")))
        .min((a, b) -> Long.compare(variables(a), variables(b)))
        .orElse(plain);
  }

  private static long variables(String path) {
    return path.chars().filter(c -> c == '{').count();
  }

  private SwaggerParseResult parse() throws IOException {
    Call served;
    try {
      served = call(null, "GET", "/api/v1/openapi", null);
    } catch (Exception e) {
      throw new IOException(e);
    }
    assertThat(served.status()).isEqualTo(200);
    // for a reader of a failed build
    Files.writeString(Path.of("target/openapi.json"), served.body());
    return new OpenAPIV3Parser().readContents(served.body());
  }

  private static Map<String, Operation> operations(OpenAPI api) {
    Map<String, Operation> operations = new HashMap<>();
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach((method, op) -> operations.put(method.name() + " " + path, op)));
    return operations;
  }

  /** The version Maven wrote into build-info at this build. */
  private static String buildVersion() throws IOException {
    try (InputStream in =
        OpenApiDocumentTest.class.getResourceAsStream("/META-INF/build-info.properties")) {
      assertThat(in).as("build-info.properties (spring-boot-maven-plugin build-info)").isNotNull();
      Properties build = new Properties();
      build.load(in);
      return build.getProperty("build.version");
    }
  }
}
