package dev.paved.api.scorecards.facts;

import dev.paved.api.scorecards.Fact;
import dev.paved.api.scorecards.FactCollector;
import dev.paved.api.scorecards.FactDefinition;
import dev.paved.api.scorecards.FactType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code oncall_annotated}: the entity names its on-call (a PagerDuty or Opsgenie annotation); and
 * {@code oncall_live}, when a PagerDuty token is configured: someone is on call now for the
 * escalation policy of the service its {@code pagerduty.com/service-id} names.
 */
@Component
class OncallCollector implements FactCollector {

  static final String ANNOTATED = "oncall_annotated";
  static final String LIVE = "oncall_live";
  static final String SERVICE_ID = "pagerduty.com/service-id";
  static final String INTEGRATION_KEY = "pagerduty.com/integration-key";

  private final PagerDuty pagerDuty; // null without a token
  private final Clock clock;

  OncallCollector(
      @Value("${paved.scorecards.pagerduty.url:https://api.pagerduty.com}") String url,
      @Value("${paved.scorecards.pagerduty.token:}") String token,
      Clock clock) {
    this.pagerDuty = token.isBlank() ? null : new PagerDuty(url, token.strip());
    this.clock = clock;
  }

  @Override
  public String id() {
    return "oncall";
  }

  @Override
  public List<FactDefinition> facts() {
    return List.of(
        new FactDefinition(
            ANNOTATED,
            FactType.BOOL,
            "The entity names its on-call: a PagerDuty or Opsgenie annotation"),
        new FactDefinition(
            LIVE,
            FactType.BOOL,
            "Someone is on call now for the PagerDuty service's escalation policy"));
  }

  @Override
  public List<Fact> collect(String entityRef, Map<String, Object> entity) {
    Instant now = clock.instant();
    List<Fact> facts = new ArrayList<>();
    List<String> named = new ArrayList<>();
    for (Object key : EntityFields.annotations(entity).keySet()) {
      String name = String.valueOf(key);
      if ((name.equals(SERVICE_ID)
              || name.equals(INTEGRATION_KEY)
              || name.startsWith("opsgenie.com/"))
          && EntityFields.annotation(entity, name).isPresent()) {
        named.add(name);
      }
    }
    facts.add(
        named.isEmpty()
            ? Fact.known(
                ANNOTATED,
                false,
                "annotations",
                "no pagerduty.com/ or opsgenie.com/ annotation",
                now)
            : Fact.known(
                ANNOTATED,
                true,
                "annotation:" + named.get(0),
                "annotated: " + String.join(", ", named),
                now));
    facts.add(live(entity, now));
    return facts;
  }

  private Fact live(Map<String, Object> entity, Instant now) {
    if (pagerDuty == null) {
      return Fact.unknown(
          LIVE, "no PagerDuty token configured (paved.scorecards.pagerduty.token)", now);
    }
    Optional<String> serviceId = EntityFields.annotation(entity, SERVICE_ID);
    if (serviceId.isEmpty()) {
      return Fact.unknown(LIVE, "no " + SERVICE_ID + " annotation to look up", now);
    }
    PagerDuty.Policy policy = pagerDuty.policyOf(serviceId.get());
    if (policy.id() == null) {
      return policy.absent()
          ? Fact.known(LIVE, false, "pagerduty:/services/" + serviceId.get(), policy.refusal(), now)
          : Fact.unknown(LIVE, policy.refusal(), now);
    }
    PagerDuty.OnCall onCall = pagerDuty.onCallFor(policy.id());
    if (onCall.refusal() != null) {
      return Fact.unknown(LIVE, onCall.refusal(), now);
    }
    String policyName =
        policy.name() == null ? policy.id() : policy.name() + " (" + policy.id() + ")";
    return Fact.known(
        LIVE,
        onCall.oncalls() > 0,
        "pagerduty:/oncalls",
        onCall.oncalls() > 0
            ? onCall.oncalls() + " on call now for escalation policy " + policyName
            : "nobody on call now for escalation policy " + policyName,
        now);
  }
}
