package dev.paved.workflows.catalog;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The I/O of a location's workflow: reading the location into the catalog. */
@ActivityInterface
public interface LocationActivities {

  /** Reads the location (and those it names) and stores what it emits; idempotent. */
  @ActivityMethod
  LocationTurn readLocation(LocationRead read);
}
