package dev.paved.api.scorecards;

import dev.paved.api.catalog.CatalogEntities;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Evaluates scorecards: a whole one (on its schedule or when asked), or one entity (when its facts
 * changed or when asked), and keeps the outcomes ({@link ScoreWrites}).
 */
@Service
public class ScoreEvaluator {

  private static final Logger log = LoggerFactory.getLogger(ScoreEvaluator.class);

  private final ScorecardRegistry registry;
  private final CatalogEntities catalog;
  private final JdbcFactStore facts;
  private final ObjectProvider<Waivers> waivers;
  private final ScoreWrites writes;
  private final Clock clock;

  ScoreEvaluator(
      ScorecardRegistry registry,
      CatalogEntities catalog,
      JdbcFactStore facts,
      ObjectProvider<Waivers> waivers,
      ScoreWrites writes,
      ObjectProvider<Clock> clock) {
    this.registry = registry;
    this.catalog = catalog;
    this.facts = facts;
    this.waivers = waivers;
    this.writes = writes;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  /** Evaluates every entity the scorecard selects; how many. */
  public synchronized int evaluate(Scorecard scorecard) {
    Instant now = clock.instant();
    List<CatalogEntities.Graded> entities = catalog.matching(scorecard.filter());
    Map<String, Map<String, Fact>> all = facts.latestOfAll();
    Waivers store = waivers.getIfAvailable();
    Map<Waivers.Waived, Waivers.Waiver> active =
        store == null ? Map.of() : store.allActive(scorecard.id(), now);
    List<EntityEvaluation> evaluations = new ArrayList<>(entities.size());
    for (CatalogEntities.Graded entity : entities) {
      evaluations.add(
          grade(
              scorecard,
              entity,
              all.getOrDefault(entity.ref(), Map.of()),
              rule -> active.get(new Waivers.Waived(rule, entity.ref())),
              now));
    }
    writes.save(scorecard, evaluations, true, now);
    return evaluations.size();
  }

  /** Evaluates one entity against the scorecard; empty when the scorecard does not select it. */
  public synchronized Optional<EntityEvaluation> evaluate(Scorecard scorecard, String entityRef) {
    Instant now = clock.instant();
    Optional<CatalogEntities.Graded> entity = catalog.matching(scorecard.filter(), entityRef);
    if (entity.isEmpty()) {
      return Optional.empty();
    }
    EntityEvaluation evaluation =
        grade(
            scorecard,
            entity.get(),
            facts.latest(entity.get().ref()),
            rule -> {
              Waivers store = waivers.getIfAvailable();
              return store == null
                  ? null
                  : store.active(scorecard.id(), rule, entity.get().ref(), now).orElse(null);
            },
            now);
    writes.save(scorecard, List.of(evaluation), false, now);
    return Optional.of(evaluation);
  }

  /** Every loaded scorecard, whole; how many entity evaluations. */
  public int evaluateAll() {
    int evaluated = 0;
    for (Scorecard scorecard : registry.all()) {
      try {
        evaluated += evaluate(scorecard);
      } catch (RuntimeException e) {
        log.warn("Scorecard {} was not evaluated: {}", scorecard.id(), e.toString());
      }
    }
    return evaluated;
  }

  /** A fact of the entity changed: every scorecard selecting it grades it again. */
  @EventListener
  void factsChanged(FactsChanged event) {
    for (Scorecard scorecard : registry.all()) {
      try {
        evaluate(scorecard, event.entityRef());
      } catch (RuntimeException e) {
        log.warn(
            "Scorecard {} not evaluated for {}: {}",
            scorecard.id(),
            event.entityRef(),
            e.toString());
      }
    }
  }

  /** A waiver of the entity changed (after its transaction committed): grades it again. */
  @TransactionalEventListener(fallbackExecution = true)
  void waiversChanged(WaiversChanged event) {
    registry
        .find(event.scorecardId())
        .ifPresent(
            scorecard -> {
              try {
                evaluate(scorecard, event.entityRef());
              } catch (RuntimeException e) {
                log.warn(
                    "Scorecard {} not evaluated for {}: {}",
                    scorecard.id(),
                    event.entityRef(),
                    e.toString());
              }
            });
  }

  private static EntityEvaluation grade(
      Scorecard scorecard,
      CatalogEntities.Graded entity,
      Map<String, Fact> facts,
      Function<String, Waivers.Waiver> waiver,
      Instant now) {
    return Grader.grade(
        scorecard, entity.ref(), entity.owner(), entity.title(), entity.body(), facts, waiver, now);
  }
}
