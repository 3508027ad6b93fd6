package dev.paved.workflows.scorecards;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/** The I/O of a collector's workflow: which entities it covers, collecting and recording. */
@ActivityInterface
public interface FactCollectionActivities {

  /** The refs of the entities the collector covers now (empty for an unknown collector). */
  @ActivityMethod
  List<String> entities(String collector);

  /**
   * Collects and records the facts of each entity; one a source did not answer for is left out and
   * named in the answer. An entity no longer in the catalog is skipped.
   */
  @ActivityMethod
  CollectionBatch collectBatch(String collector, List<String> entityRefs);

  /**
   * Collects and records one entity's facts; fails (and is retried, after the delay a source asked
   * for) when a source did not answer. Answers how many facts changed.
   */
  @ActivityMethod
  int collectOne(String collector, String entityRef);
}
