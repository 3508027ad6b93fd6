package dev.paved.api.scorecards.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.api.scorecards.Fact;
import dev.paved.testfixtures.StandIn;
import dev.paved.testfixtures.pagerduty.FakePagerDuty;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The on-call facts from annotations and PagerDuty's REST API v2 (its stand-in). */
class OncallCollectorTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-06T03:00:00Z"), ZoneOffset.UTC);

  private final FakePagerDuty pagerDuty = new FakePagerDuty();

  @AfterEach
  void close() {
    pagerDuty.close();
  }

  private static Map<String, Object> component(Map<String, Object> annotations) {
    return Map.of(
        "apiVersion",
        "backstage.io/v1alpha1",
        "kind",
        "Component",
        "metadata",
        Map.of("name", "payments", "annotations", annotations),
        "spec",
        Map.of("type", "service", "owner", "group:default/payments"));
  }

  private OncallCollector withToken(String token) {
    return new OncallCollector(pagerDuty.url(), token, CLOCK);
  }

  private static Fact fact(List<Fact> facts, String name) {
    return facts.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void someoneOnCallForTheServicesEscalationPolicyIsLive() {
    pagerDuty.service("PSVC001", "Payments", "PPOL001", "Payments primary");
    pagerDuty.service("PSVC002", "Ledger", "PPOL002", "Ledger primary");
    pagerDuty.onCall("PPOL001", List.of("PUSER01", "PUSER02"));
    pagerDuty.onCall("PPOL002", List.of());

    List<Fact> facts =
        withToken(FakePagerDuty.TOKEN)
            .collect(
                "component:default/payments",
                component(Map.of("pagerduty.com/service-id", "PSVC001")));

    assertThat(fact(facts, "oncall_annotated").value()).isEqualTo(true);
    assertThat(fact(facts, "oncall_annotated").source())
        .isEqualTo("annotation:pagerduty.com/service-id");
    Fact live = fact(facts, "oncall_live");
    assertThat(live.value()).isEqualTo(true);
    assertThat(live.detail())
        .isEqualTo("2 on call now for escalation policy Payments primary (PPOL001)");
    assertThat(live.observedAt()).isEqualTo(CLOCK.instant());

    assertThat(pagerDuty.targets())
        .containsExactly(
            "GET /services/PSVC001", "GET /oncalls?escalation_policy_ids%5B%5D=PPOL001");
    for (StandIn.Call call : pagerDuty.calls()) {
      assertThat(call.header("Authorization")).isEqualTo("Token token=" + FakePagerDuty.TOKEN);
      assertThat(call.header("Accept")).isEqualTo(FakePagerDuty.ACCEPT);
    }
    assertThat(pagerDuty.unhandled()).isEmpty();
    assertThat(facts.toString()).doesNotContain(FakePagerDuty.TOKEN);
  }

  @Test
  void nobodyOnCallIsNotLive() {
    pagerDuty.service("PSVC002", "Ledger", "PPOL002", "Ledger primary");
    List<Fact> facts =
        withToken(FakePagerDuty.TOKEN)
            .collect(
                "component:default/ledger",
                component(Map.of("pagerduty.com/service-id", "PSVC002")));
    assertThat(fact(facts, "oncall_live").value()).isEqualTo(false);
    assertThat(fact(facts, "oncall_live").detail()).startsWith("nobody on call now");
  }

  @Test
  void withoutATokenOrServiceIdLiveIsUnknownAndPagerDutyIsNotAsked() {
    List<Fact> noToken =
        withToken("")
            .collect(
                "component:default/payments",
                component(Map.of("pagerduty.com/service-id", "PSVC001")));
    assertThat(fact(noToken, "oncall_live").isKnown()).isFalse();
    assertThat(fact(noToken, "oncall_live").detail()).contains("no PagerDuty token");

    List<Fact> opsgenie =
        withToken(FakePagerDuty.TOKEN)
            .collect(
                "component:default/payments", component(Map.of("opsgenie.com/team", "payments")));
    assertThat(fact(opsgenie, "oncall_annotated").value()).isEqualTo(true);
    assertThat(fact(opsgenie, "oncall_live").isKnown()).isFalse();
    assertThat(fact(opsgenie, "oncall_live").detail()).contains("no pagerduty.com/service-id");

    List<Fact> none =
        withToken(FakePagerDuty.TOKEN)
            .collect("component:default/payments", component(Map.of("a", "b")));
    assertThat(fact(none, "oncall_annotated").value()).isEqualTo(false);
    assertThat(pagerDuty.calls()).isEmpty();
  }

  @Test
  void aRefusedTokenIsUnknownWithoutTheToken() {
    String wrong = "u+wrong_token_value";
    List<Fact> facts =
        withToken(wrong)
            .collect(
                "component:default/payments",
                component(Map.of("pagerduty.com/service-id", "PSVC001")));
    Fact live = fact(facts, "oncall_live");
    assertThat(live.isKnown()).isFalse();
    assertThat(live.detail()).isEqualTo("PagerDuty refused the token (401 Authentication failed)");
    assertThat(live.detail()).doesNotContain(wrong);
    assertThat(pagerDuty.lines()).containsExactly("GET /services/PSVC001");
  }

  @Test
  void anUnknownServiceIsNotLive() {
    List<Fact> facts =
        withToken(FakePagerDuty.TOKEN)
            .collect(
                "component:default/payments",
                component(Map.of("pagerduty.com/service-id", "PNOPE")));
    assertThat(fact(facts, "oncall_live").value()).isEqualTo(false);
    assertThat(fact(facts, "oncall_live").detail()).isEqualTo("PagerDuty has no service PNOPE");
  }

  @Test
  void aRateLimitIsRetriedAfterWhatPagerDutySaid() {
    pagerDuty.service("PSVC001", "Payments", "PPOL001", "Payments primary");
    pagerDuty.failWhen(
        "GET",
        "/oncalls",
        429,
        "{\"error\":{\"message\":\"Rate Limit Exceeded\",\"code\":2020}}",
        Map.of("Retry-After", "17"));
    OncallCollector collector = withToken(FakePagerDuty.TOKEN);
    Map<String, Object> entity = component(Map.of("pagerduty.com/service-id", "PSVC001"));
    assertThatThrownBy(() -> collector.collect("component:default/payments", entity))
        .isInstanceOfSatisfying(
            SourceUnanswered.class,
            e -> {
              assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(17));
              assertThat(e.getMessage()).isEqualTo("PagerDuty answered 429, retry after 17 s");
            });
    pagerDuty.clearFailures();
    pagerDuty.failNext(1, "GET", "/services/.*", 503, "{}");
    assertThatThrownBy(() -> collector.collect("component:default/payments", entity))
        .isInstanceOfSatisfying(SourceUnanswered.class, e -> assertThat(e.retryAfter()).isNull());
    assertThat(
            fact(collector.collect("component:default/payments", entity), "oncall_live").isKnown())
        .isTrue();
  }
}
