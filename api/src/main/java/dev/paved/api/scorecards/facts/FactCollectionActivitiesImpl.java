package dev.paved.api.scorecards.facts;

import dev.paved.api.catalog.EntityFiles;
import dev.paved.api.scorecards.Fact;
import dev.paved.api.scorecards.FactCollector;
import dev.paved.api.scorecards.FactStore;
import dev.paved.workflows.scorecards.CollectionBatch;
import dev.paved.workflows.scorecards.FactCollectionActivities;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Lists the entities collectors cover (the catalog's Components), collects their facts and keeps
 * them in the {@link FactStore}. Only entity refs and counts go back to the workflow.
 */
final class FactCollectionActivitiesImpl implements FactCollectionActivities {

  static final String UNANSWERED = "SourceUnanswered";
  private static final Logger log = LoggerFactory.getLogger(FactCollectionActivitiesImpl.class);

  private final FactCollectors collectors;
  private final EntityFiles catalog;
  private final ObjectProvider<FactStore> store;

  FactCollectionActivitiesImpl(
      FactCollectors collectors, EntityFiles catalog, ObjectProvider<FactStore> store) {
    this.collectors = collectors;
    this.catalog = catalog;
    this.store = store;
  }

  @Override
  public List<String> entities(String collector) {
    return collectors.find(collector).isPresent() ? catalog.refs("component") : List.of();
  }

  @Override
  public CollectionBatch collectBatch(String collector, List<String> entityRefs) {
    Optional<FactCollector> found = collectors.find(collector);
    if (found.isEmpty()) {
      return new CollectionBatch(0, 0, List.of());
    }
    int recorded = 0;
    int changed = 0;
    List<String> unanswered = new ArrayList<>();
    for (String ref : entityRefs) {
      try {
        int c = collectAndRecord(found.get(), ref);
        if (c >= 0) {
          recorded++;
          changed += c;
        }
      } catch (SourceUnanswered e) {
        unanswered.add(ref);
      } catch (RuntimeException e) {
        // a collector's bug must not keep the other entities' facts from being collected
        log.warn("Facts of {} for {} not collected: {}", collector, ref, e.toString());
      }
    }
    return new CollectionBatch(recorded, changed, unanswered);
  }

  @Override
  public int collectOne(String collector, String entityRef) {
    FactCollector found =
        collectors
            .find(collector)
            .orElseThrow(
                () ->
                    ApplicationFailure.newNonRetryableFailure(
                        "no fact collector " + collector, "UnknownCollector"));
    try {
      return Math.max(0, collectAndRecord(found, entityRef));
    } catch (SourceUnanswered e) {
      throw ApplicationFailure.newBuilder()
          .setMessage(e.getMessage())
          .setType(UNANSWERED)
          .setNextRetryDelay(e.retryAfter())
          .build();
    }
  }

  /** How many facts changed; -1 when the entity is not in the catalog any more. */
  private int collectAndRecord(FactCollector collector, String ref) {
    Optional<Map<String, Object>> entity = catalog.entity(ref);
    if (entity.isEmpty()) {
      return -1;
    }
    List<Fact> facts = FactCollectors.collect(collector, ref, entity.get());
    FactStore kept = store.getIfAvailable();
    if (kept == null) {
      log.debug("No fact store: facts of {} for {} not kept", collector.id(), ref);
      return 0;
    }
    return kept.record(ref, collector.id(), facts).size();
  }
}
