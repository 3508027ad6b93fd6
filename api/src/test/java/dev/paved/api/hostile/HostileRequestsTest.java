package dev.paved.api.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.api.hostile.HostileRequests.Hostile;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Paved as an attacker meets it: for every operation of the served OpenAPI document, hundreds of
 * malformed requests ({@link HostileRequests}) over real HTTP, with raw paths. Each answer is a 4xx
 * {@code application/problem+json} without a stack trace or a Java class name, no run or access
 * request is made, and Paved answers as before afterwards. Prints its figures
 * (docs/reliability.md).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileRequestsTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** What must never be in an answer: a stack frame, an exception's or any Java class's name. */
  private static final Pattern LEAK =
      Pattern.compile(
          "\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(|Exception\\b|<html|<!doctype|\\b(java|javax|jakarta"
              + "|org\\.springframework|org\\.apache|tools\\.jackson|com\\.fasterxml|dev\\.paved|"
              + "io\\.temporal)\\.[a-z]",
          Pattern.CASE_INSENSITIVE);

  @DynamicPropertySource
  static void paved(DynamicPropertyRegistry registry) throws IOException {
    Path data = Files.createTempDirectory("paved-hostile").resolve("data");
    registry.add("paved.data-dir", data::toString);
    registry.add("paved.templates-dir", () -> Path.of("../templates").toAbsolutePath().toString());
    registry.add("paved.temporal.port", () -> "0");
    registry.add("paved.templates-poll-interval", () -> "0");
  }

  /** The first answer of each status, printed with the figures. */
  private final Map<Integer, String> samples = new ConcurrentSkipListMap<>();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @Test
  void everyMalformedRequestIsRefusedWithAProblemAndStartsNothing() throws Exception {
    OpenAPI api =
        new OpenAPIV3Parser().readContents(send(get("/api/v1/openapi")).body()).getOpenAPI();
    List<Hostile> requests = HostileRequests.of(api);
    Map<String, Long> before = counts();

    Map<Integer, Integer> byStatus = new ConcurrentSkipListMap<>();
    List<String> wrong = new CopyOnWriteArrayList<>();
    // a few at a time, as several callers would
    ExecutorService callers = Executors.newFixedThreadPool(4);
    try {
      for (Future<?> call :
          callers.invokeAll(
              requests.stream()
                  .map(h -> (Callable<Void>) () -> check(h, byStatus, wrong))
                  .toList())) {
        call.get();
      }
    } finally {
      callers.shutdownNow();
    }

    int refused =
        byStatus.entrySet().stream()
            .filter(e -> e.getKey() >= 400 && e.getKey() < 500)
            .mapToInt(Map.Entry::getValue)
            .sum();
    int failed =
        byStatus.entrySet().stream()
            .filter(e -> e.getKey() >= 500)
            .mapToInt(Map.Entry::getValue)
            .sum();
    System.out.printf(
        "Hostile requests: %d sent to %d operations, %d answered 4xx, %d answered 5xx, by status %s%n",
        requests.size(),
        api.getPaths().values().stream().mapToInt(i -> i.readOperations().size()).sum(),
        refused,
        failed,
        byStatus);
    samples.values().forEach(sample -> System.out.println("  e.g. " + sample));
    assertThat(requests).hasSizeGreaterThanOrEqualTo(500);
    assertThat(wrong).isEmpty();
    assertThat(refused).isEqualTo(requests.size());
    assertThat(counts()).isEqualTo(before);
    // and Paved answers as before
    HttpResponse<String> health = send(get("/actuator/health"));
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(health.body()).path("status").asString()).isEqualTo("UP");
    HttpResponse<String> templates = send(signedIn(get("/api/v1/templates")));
    assertThat(templates.statusCode()).isEqualTo(200);
    assertThat(templates.body()).contains("java-service");
  }

  private Void check(Hostile hostile, Map<Integer, Integer> byStatus, List<String> wrong)
      throws InterruptedException {
    HttpResponse<String> answer;
    try {
      answer = send(request(hostile));
    } catch (IOException e) {
      wrong.add(hostile.what() + ": no answer (" + e + ")");
      return null;
    }
    byStatus.merge(answer.statusCode(), 1, Integer::sum);
    samples.putIfAbsent(answer.statusCode(), hostile.what() + " -> " + cut(answer.body()));
    String problem = problemIn(answer);
    if (problem != null) {
      wrong.add(hostile.what() + ": " + problem);
    }
    return null;
  }

  /** What is wrong with an answer to a malformed request; null when it is as it must be. */
  private static String problemIn(HttpResponse<String> answer) {
    int status = answer.statusCode();
    String type = answer.headers().firstValue("Content-Type").orElse("");
    String body = answer.body();
    if (status < 400 || status >= 500) {
      return "answered " + status + ": " + cut(body);
    }
    if (!type.startsWith("application/problem+json")) {
      return status + " as '" + type + "': " + cut(body);
    }
    if (LEAK.matcher(body).find()) {
      return status + " tells too much: " + cut(body);
    }
    if (body.length() > 4096) {
      return status + " repeats the request: " + body.length() + " characters";
    }
    JsonNode problem = JSON.readTree(body);
    if (problem.path("status").asInt() != status || problem.path("title").asString().isEmpty()) {
      return status + " is not a problem: " + cut(body);
    }
    return null;
  }

  @Test
  void runsAndAccessRequestsStayWithinTheirLimits() throws Exception {
    Map<String, Long> before = counts();
    StringBuilder many = new StringBuilder("{\"template\":\"java-service\",\"parameters\":{");
    for (int i = 0; i < 101; i++) {
      many.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":1");
    }
    HttpResponse<String> tooMany = send(signedIn(post("/api/v1/runs", many + "}}")));
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.body()).contains("at most 100 parameters").doesNotContain("p100");

    String longName = "t".repeat(1_000_000);
    HttpResponse<String> huge =
        send(signedIn(post("/api/v1/runs", "{\"template\":\"" + longName + "\"}")));
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(huge.body().length()).isLessThan(1000);
    HttpResponse<String> named =
        send(signedIn(post("/api/v1/runs", "{\"template\":\"" + "t".repeat(99) + "\"}")));
    assertThat(named.statusCode()).isEqualTo(404);
    assertThat(named.body()).doesNotContain("t".repeat(99)).contains("t".repeat(80) + "…");

    HttpResponse<String> numberAsText =
        send(signedIn(post("/api/v1/access-requests", access("5", "\"PT1H\""))));
    assertThat(numberAsText.statusCode()).isEqualTo(400);
    assertThat(numberAsText.body()).contains("'environment' has a value of the wrong type");
    HttpResponse<String> textAsBoolean =
        send(
            signedIn(
                post(
                    "/api/v1/access-requests",
                    access("\"prod\"", "\"PT1H\"").replace("}", ",\"breakGlass\":\"true\"}"))));
    assertThat(textAsBoolean.statusCode()).isEqualTo(400);
    assertThat(textAsBoolean.body()).contains("'breakGlass' has a value of the wrong type");
    StringBuilder undeclared = new StringBuilder("{\"template\":\"java-service\",\"parameters\":{");
    for (int i = 0; i < 100; i++) {
      undeclared.append(i == 0 ? "" : ",").append("\"u").append(i).append("\":1");
    }
    HttpResponse<String> unknown = send(signedIn(post("/api/v1/runs", undeclared + "}}")));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(unknown.body()).path("errors").size()).isEqualTo(20);
    assertThat(unknown.body()).contains("is not a parameter of this template's form");
    HttpResponse<String> instant =
        send(signedIn(post("/api/v1/access-requests", access("\"prod\"", "\"PT0.000000001S\""))));
    assertThat(instant.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(instant.body()).path("minDuration").asString()).isEqualTo("PT5M");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void theDataFolderAndTheDatabaseAreTheirOwnersOnly(
      @org.springframework.beans.factory.annotation.Value("${paved.data-dir}") Path data)
      throws IOException {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
        .isEqualTo("rwx------");
    try (Stream<Path> files = Files.list(data.resolve("db"))) {
      assertThat(files.toList())
          .isNotEmpty()
          .allSatisfy(
              f ->
                  assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                      .as(f.toString())
                      .endsWith("------"));
    }
  }

  private static String access(String environment, String duration) {
    return "{\"service\":\"component:default/ledger\",\"environment\":"
        + environment
        + ",\"role\":\"read\",\"reason\":\"a look\",\"duration\":"
        + duration
        + "}";
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new TreeMap<>();
    for (String table : List.of("runs", "access_requests", "service_claims")) {
      counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
    }
    return counts;
  }

  private HttpRequest request(Hostile hostile) {
    HttpRequest.BodyPublisher body =
        hostile.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(hostile.body());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + hostile.rawPath()))
            .timeout(Duration.ofSeconds(30))
            .method(hostile.method(), body);
    if (hostile.body() != null) {
      request.header("Content-Type", hostile.contentType());
    }
    hostile.headers().forEach(request::header);
    return hostile.signedIn() ? signedIn(request) : request.build();
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(30));
  }

  private HttpRequest.Builder post(String path, String body) {
    return get(path)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  /** As pat, of the platform team, who may see and do the most. */
  private static HttpRequest signedIn(HttpRequest.Builder request) {
    String basic = Base64.getEncoder().encodeToString("pat:pat".getBytes(StandardCharsets.UTF_8));
    return request.header("Authorization", "Basic " + basic).build();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return send(request.build());
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String cut(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
