package dev.paved.api.scorecards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The scorecards API over real HTTP on Paved with its H2 database: entities from a catalog file,
 * facts recorded through the fact store (which evaluates), grades, summaries, trend, CSV, errors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScorecardApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CATALOG =
      """
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: sc-payments, title: Payments}
      spec: {type: service, lifecycle: production, owner: team-a}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: sc-ledger}
      spec: {type: service, lifecycle: production, owner: team-a}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: sc-search}
      spec: {type: service, lifecycle: production, owner: team-b}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: sc-site}
      spec: {type: website, lifecycle: production, owner: team-b}
      """;

  @TestConfiguration
  static class Collectors {
    @Bean
    FactCollector testCollector() {
      return new TestCollectors.Fixed();
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    Path root = Files.createTempDirectory("paved-scorecards");
    Path cards = Files.createDirectories(root.resolve("scorecards"));
    Files.copy(Path.of("../scorecards/production-readiness.yaml"), cards.resolve("pr.yaml"));
    Files.writeString(cards.resolve("broken.yaml"), "apiVersion: paved.dev/v1\nkind: Scorecard\n");
    Path catalog = root.resolve("catalog-info.yaml");
    Files.writeString(catalog, CATALOG);
    registry.add("paved.data-dir", () -> root.resolve("data").toString());
    registry.add("paved.templates-dir", () -> Path.of("../templates").toAbsolutePath().toString());
    registry.add("paved.templates-poll-interval", () -> "0");
    registry.add("paved.temporal.port", () -> "0");
    registry.add("paved.catalog.locations", () -> "file:" + catalog);
    registry.add("paved.scorecards.dir", cards::toString);
    registry.add("paved.scorecards.evaluate-every", () -> "0");
    // the shipped collectors would read the catalog's entities at start; this test records its own
    // facts
    registry.add("paved.scorecards.collect-every", () -> "0");
    registry.add("paved.scorecards.poll-interval", () -> "0");
  }

  @LocalServerPort int port;
  @Autowired FactStore facts;
  @Autowired Scores scores;
  @Autowired JdbcClient jdbc;

  private final HttpClient http = HttpClient.newHttpClient();

  record Answer(int status, String type, String text) {
    JsonNode json() throws IOException {
      return JSON.readTree(text);
    }
  }

  Answer call(String method, String path, String body, String user) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (user != null) {
      request.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes()));
    }
    HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(
        answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""), answer.body());
  }

  Answer get(String path) throws Exception {
    return call("GET", path, null, "pat");
  }

  private void allGold(String entity) {
    Instant now = Instant.now();
    facts.record(
        entity,
        "test",
        List.of(
            Fact.known("readme_has_runbook", true, "test", null, now),
            Fact.known("oncall_annotated", true, "test", null, now),
            Fact.known("coverage_line_percent", 90.0, "test", null, now),
            Fact.known("endpoints_without_slo", 0L, "test", null, now),
            Fact.known("critical_cves", 0L, "test", null, now),
            Fact.known("oncall_live", true, "test", null, now),
            Fact.known("last_deployed_at", now.minus(Duration.ofDays(2)), "test", "abc", now)));
  }

  @Test
  void gradesServicesFromTheirFactsAndAnswersEveryView() throws Exception {
    JsonNode list = get("/api/v1/scorecards").json();
    assertThat(list.path("items").get(0).path("id").asText()).isEqualTo("production-readiness");
    assertThat(list.path("items").get(0).path("rules")).hasSize(7);
    assertThat(list.path("refused").get(0).path("file").asText()).isEqualTo("broken.yaml");
    Answer missing = get("/api/v1/scorecards/nope");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.type()).startsWith("application/problem+json");
    assertThat(call("GET", "/api/v1/scorecards", null, null).status()).isEqualTo(401);

    // evaluated before any fact: every rule unknown, no level
    Answer evaluated =
        call("POST", "/api/v1/scorecards/production-readiness/evaluate", "{}", "pat");
    assertThat(evaluated.status()).isEqualTo(202);
    assertThat(evaluated.json().path("evaluated").asInt()).isEqualTo(3);
    JsonNode before = get("/api/v1/catalog/entities/component/default/sc-payments/scores").json();
    JsonNode card = before.path("scorecards").get(0);
    assertThat(card.path("level").isNull()).isTrue();
    assertThat(card.path("nextLevel").asText()).isEqualTo("Bronze");
    assertThat(card.path("rules").findValuesAsText("result")).containsOnly("unknown");

    // a fact change evaluates the entity at once
    allGold("component:default/sc-payments");
    allGold("component:default/sc-search");
    facts.record(
        "component:default/sc-search",
        "test",
        List.of(Fact.known("critical_cves", 3L, "trivy.json", "image search:1", Instant.now())));
    JsonNode payments = get("/api/v1/catalog/entities/component/default/sc-payments/scores").json();
    card = payments.path("scorecards").get(0);
    assertThat(card.path("level").asText()).isEqualTo("Gold");
    assertThat(card.path("score").asDouble()).isEqualTo(100.0);
    JsonNode search =
        get("/api/v1/catalog/entities/component/default/sc-search/scores")
            .json()
            .path("scorecards")
            .get(0);
    assertThat(search.path("level").asText()).isEqualTo("Bronze");
    JsonNode cves = search.path("rules").get(4);
    assertThat(cves.path("result").asText()).isEqualTo("fail");
    assertThat(cves.path("reason").asText()).contains("critical_cves = 3", "image search:1");
    assertThat(cves.path("fix").asText()).contains("Trivy");
    assertThat(cves.path("facts").path("critical_cves").path("value").asInt()).isEqualTo(3);
    assertThat(get("/api/v1/catalog/entities/component/default/nobody/scores").status())
        .isEqualTo(404);
    assertThat(
            get("/api/v1/catalog/entities/component/default/sc-site/scores")
                .json()
                .path("scorecards"))
        .isEmpty();

    // every outcome change kept; an unchanged evaluation adds no row
    int changes = changeRows();
    assertThat(
            call("POST", "/api/v1/scorecards/production-readiness/evaluate", null, "pat").status())
        .isEqualTo(202);
    assertThat(changeRows()).isEqualTo(changes);

    JsonNode summary = get("/api/v1/scorecards/production-readiness/summary").json();
    assertThat(summary.path("entities").asInt()).isEqualTo(3);
    assertThat(summary.path("levels").toString())
        .isEqualTo("{\"Gold\":1,\"Silver\":0,\"Bronze\":1,\"none\":1}");
    JsonNode cveRule = summary.path("rules").get(4);
    assertThat(cveRule.path("pass").asInt()).isEqualTo(1);
    assertThat(cveRule.path("fail").asInt()).isEqualTo(1);
    assertThat(cveRule.path("unknown").asInt()).isEqualTo(1);
    assertThat(cveRule.path("passRate").asDouble()).isEqualTo(50.0);
    // a change moves the counts at once
    facts.record(
        "component:default/sc-search",
        "test",
        List.of(Fact.known("critical_cves", 0L, "trivy.json", "image search:2", Instant.now())));
    assertThat(
            get("/api/v1/scorecards/production-readiness/summary").json().path("levels").toString())
        .isEqualTo("{\"Gold\":2,\"Silver\":0,\"Bronze\":0,\"none\":1}");
    facts.record(
        "component:default/sc-search",
        "test",
        List.of(Fact.known("critical_cves", 3L, "trivy.json", "image search:1", Instant.now())));
    JsonNode teamA =
        get("/api/v1/scorecards/production-readiness/summary?owner=team-a&limit=1").json();
    assertThat(teamA.path("entities").asInt()).isEqualTo(2);
    assertThat(teamA.path("items").get(0).path("entity").asText())
        .isEqualTo("component:default/sc-ledger");
    JsonNode next =
        get("/api/v1/scorecards/production-readiness/summary?owner=team-a&limit=1&cursor="
                + teamA.path("nextCursor").asText())
            .json();
    assertThat(next.path("items").get(0).path("results").path("no-critical-cves").asText())
        .isEqualTo("pass");
    assertThat(next.path("nextCursor").isNull()).isTrue();
    assertThat(get("/api/v1/scorecards/production-readiness/summary?limit=0").status())
        .isEqualTo(400);
    assertThat(get("/api/v1/scorecards/production-readiness/summary?cursor=x!").status())
        .isEqualTo(400);

    JsonNode trend = get("/api/v1/scorecards/production-readiness/trend?days=30").json();
    assertThat(trend.path("points")).hasSize(1);
    assertThat(trend.path("points").get(0).path("levels").path("Gold").asInt()).isEqualTo(1);
    assertThat(trend.path("points").get(0).path("rules").path("no-critical-cves").asDouble())
        .isEqualTo(50.0);
    Answer tooLong = get("/api/v1/scorecards/production-readiness/trend?days=366");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.type()).startsWith("application/problem+json");

    Answer noCsv = get("/api/v1/scorecards/nope/results.csv");
    assertThat(noCsv.status()).isEqualTo(404);
    assertThat(noCsv.type()).startsWith("application/problem+json");
    Answer csv = get("/api/v1/scorecards/production-readiness/results.csv?owner=team-b");
    assertThat(csv.type()).startsWith("text/csv");
    List<String> lines = csv.text().lines().toList();
    assertThat(lines).hasSize(1 + 7);
    assertThat(lines.get(0)).startsWith("scorecard,entity,owner,level,");
    assertThat(lines)
        .anyMatch(
            l ->
                l.startsWith(
                        "production-readiness,component:default/sc-search,group:default/team-b,"
                            + "Bronze,")
                    && l.contains(",no-critical-cves,Silver,fail,"));

    assertThat(
            call(
                    "POST",
                    "/api/v1/scorecards/production-readiness/evaluate",
                    "{\"entity\":\"component:default/sc-site\"}",
                    "pat")
                .status())
        .isEqualTo(404);
    assertThat(
            call(
                    "POST",
                    "/api/v1/scorecards/production-readiness/evaluate",
                    "{\"entity\":\"not a ref\"}",
                    "pat")
                .status())
        .isEqualTo(400);

    assertThat(scores.levels("production-readiness")).containsExactly("Bronze", "Silver", "Gold");
    assertThat(scores.latest("production-readiness", List.of("metadata.name=sc-search")))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.level()).isEqualTo("Bronze");
              assertThat(s.owner()).isEqualTo("group:default/team-b");
              assertThat(s.results()).containsEntry("no-critical-cves", "fail");
            });
  }

  private int changeRows() {
    return jdbc.sql("select count(*) from scorecard_result_changes").query(Integer.class).single();
  }
}
