package dev.paved.api.scorecards.facts;

import dev.paved.api.catalog.EntityFiles;
import dev.paved.api.runs.RunCompleted;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** A completed run's entities have their facts collected at once, by every collector. */
@Component
class RunFacts {

  private final EntityFiles catalog;
  private final FactCollection collection;

  RunFacts(EntityFiles catalog, FactCollection collection) {
    this.catalog = catalog;
    this.collection = collection;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void completed(RunCompleted run) {
    for (String ref : catalog.refsOfRun(run.runId(), run.serviceKey())) {
      if (ref.startsWith("component:")) {
        collection.request(ref, null);
      }
    }
  }
}
