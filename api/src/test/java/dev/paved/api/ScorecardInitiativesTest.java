package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paved.api.scorecards.initiatives.InitiativeSweep;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Initiatives over real HTTP on Paved's local mode: only the platform team sets one, its progress
 * is kept a point a day with today's computed now, and the owners of entities behind are notified a
 * week before the deadline and at it, each once, through the notification outbox. The sweep is
 * called with the instants a clock would reach; its schedule is off.
 */
class ScorecardInitiativesTest extends EndToEndTest {

  static final String INITIATIVES = "/api/v1/scorecards/production-readiness/initiatives";

  @TestConfiguration
  static class Evaluation {
    @Bean
    @Primary
    FakeScores fakeScores() {
      return new FakeScores();
    }
  }

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("paved.notifications.webhook-url", () -> "http://127.0.0.1:9/hooks");
    registry.add("paved.notifications.poll-interval", () -> "1h");
    registry.add("paved.scorecards.initiative-sweep-interval", () -> "PT240H");
  }

  @Autowired JdbcClient jdbc;
  @Autowired FakeScores scores;
  @Autowired InitiativeSweep sweep;

  @BeforeEach
  void threeServices() {
    scores.entities.clear();
    scores.entities.add(
        FakeScores.score(
            "component:default/ledger",
            "group:default/team-payments",
            "Silver",
            Map.of("readme-runbook", "pass", "coverage", "pass", "oncall", "fail")));
    scores.entities.add(
        FakeScores.score(
            "component:default/checkout",
            "group:default/team-payments",
            "Bronze",
            Map.of("readme-runbook", "pass", "coverage", "fail", "oncall", "waived")));
    scores.entities.add(
        FakeScores.score(
            "component:default/search",
            "group:default/team-search",
            null,
            Map.of("readme-runbook", "fail", "coverage", "unknown", "oncall", "pass")));
  }

  static Map<String, Object> initiative(Map<String, Object> target, Instant deadline) {
    Map<String, Object> body = new HashMap<>();
    body.put("title", "Everything Silver by spring");
    body.put("target", target);
    body.put("filter", List.of("kind=component"));
    body.put("deadline", deadline.toString());
    return body;
  }

  @Test
  void progressIsKeptDailyAndOwnersBehindAreNotifiedOnceAWeekBeforeAndAtTheDeadline() {
    Instant now = Instant.now();
    Instant deadline = now.plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
    Answer created = post(INITIATIVES, initiative(Map.of("level", "Silver"), deadline), Map.of());
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    String id = created.body().path("id").asText();
    assertThat(created.body().path("total").asInt()).isEqualTo(3);
    assertThat(created.body().path("meeting").asInt()).isEqualTo(1);

    // two days ago, one of three held Silver; today a second does
    assertThat(sweep.sweep(now.minus(Duration.ofDays(2)))).isZero();
    scores.entities.set(
        1,
        FakeScores.score(
            "component:default/checkout", "group:default/team-payments", "Gold", Map.of()));
    JsonNode read = get("/api/v1/scorecards/initiatives/" + id).body();
    LocalDate today = LocalDate.ofInstant(Instant.now(), ZoneOffset.UTC);
    assertThat(read.path("meeting").asInt()).isEqualTo(2);
    assertThat(read.path("progress").toString())
        .isEqualTo(
            "[{\"date\":\"%s\",\"meeting\":1,\"total\":3},{\"date\":\"%s\",\"meeting\":2,\"total\":3}]"
                .formatted(today.minusDays(2), today));
    JsonNode listed = get(INITIATIVES).body();
    assertThat(listed.path("items"))
        .as(listed.toString())
        .extracting(i -> i.path("id").asText())
        .contains(id);

    // a week before: the reminder, to team-search only (its entity is the one behind)
    assertThat(sweep.sweep(deadline.minus(Duration.ofDays(8)))).isZero();
    assertThat(sweep.sweep(deadline.minus(Duration.ofDays(6)))).isEqualTo(1);
    assertThat(sweep.sweep(deadline.minus(Duration.ofDays(5)))).isZero();
    assertThat(notices(id, "scorecard.initiative.reminder")).containsExactly("team-search");

    // at the deadline: the notice, once, to the owners behind then
    scores.entities.set(
        0,
        FakeScores.score(
            "component:default/ledger", "group:default/team-payments", "Bronze", Map.of()));
    assertThat(sweep.sweep(deadline.minusSeconds(1))).isZero();
    assertThat(sweep.sweep(deadline.plus(Duration.ofHours(1)))).isEqualTo(1);
    assertThat(sweep.sweep(deadline.plus(Duration.ofDays(1)))).isZero();
    assertThat(notices(id, "scorecard.initiative.deadline"))
        .containsExactly("team-payments", "team-search");
    assertThat(notices(id, "scorecard.initiative.reminder")).containsExactly("team-search");
    assertThat(
            jdbc.sql("select count(*) from notification_outbox where event_id like ?")
                .param(id + "#%")
                .query(Integer.class)
                .single())
        .isEqualTo(3);
  }

  @Test
  void aRulesTargetCountsPassedAndWaivedRules() {
    Answer created =
        post(
            INITIATIVES,
            initiative(Map.of("rules", List.of("readme-runbook", "oncall")), daysAhead(30)),
            Map.of());
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    // checkout: pass + waived meets; ledger fails oncall; search fails the runbook
    assertThat(created.body().path("meeting").asInt()).isEqualTo(1);
    assertThat(created.body().path("target").path("rules").toString())
        .isEqualTo("[\"readme-runbook\",\"oncall\"]");
  }

  @Test
  void onlyThePlatformSetsInitiativesAndBadOnesAreProblems() {
    int before = rows();
    problem(
        as("alice").post(INITIATIVES, initiative(level("Gold"), daysAhead(5))), 403, "platform");
    problem(
        post(
            INITIATIVES,
            initiative(Map.of("level", "Gold", "rules", List.of("oncall")), daysAhead(5)),
            Map.of()),
        400,
        "one of them");
    problem(post(INITIATIVES, initiative(Map.of(), daysAhead(5)), Map.of()), 400, "one of them");
    problem(post(INITIATIVES, initiative(level("Platinum"), daysAhead(5)), Map.of()), 400, "level");
    problem(
        post(INITIATIVES, initiative(Map.of("rules", List.of("no-such")), daysAhead(5)), Map.of()),
        400,
        "no rule");
    problem(post(INITIATIVES, initiative(level("Gold"), daysAhead(-1)), Map.of()), 400, "future");
    Map<String, Object> badFilter = initiative(level("Gold"), daysAhead(5));
    badFilter.put("filter", List.of("=component"));
    problem(post(INITIATIVES, badFilter, Map.of()), 400, "key is missing");
    Map<String, Object> untitled = initiative(level("Gold"), daysAhead(5));
    untitled.remove("title");
    problem(post(INITIATIVES, untitled, Map.of()), 400, "title");
    problem(
        post(
            "/api/v1/scorecards/no-such/initiatives",
            initiative(level("Gold"), daysAhead(5)),
            Map.of()),
        404,
        "no scorecard");
    problem(get("/api/v1/scorecards/initiatives/i-0000"), 404, "no initiative");
    assertThat(rows()).isEqualTo(before);
  }

  private static Map<String, Object> level(String level) {
    return Map.of("level", level);
  }

  private static Instant daysAhead(int days) {
    return Instant.now().plus(Duration.ofDays(days));
  }

  private static void problem(Answer answer, int status, String says) {
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.body().toString()).containsIgnoringCase(says);
  }

  private int rows() {
    return jdbc.sql("select count(*) from scorecard_initiatives").query(Integer.class).single();
  }

  /** The owners an initiative's notices of {@code action} went to, in order. */
  private List<String> notices(String id, String action) {
    return jdbc
        .sql("select event_id from audit_events where subject = ? and action = ? order by event_id")
        .params("scorecard-initiative:" + id, action)
        .query(String.class)
        .list()
        .stream()
        .map(eventId -> eventId.substring(eventId.indexOf(':') + 1))
        .toList();
  }
}
