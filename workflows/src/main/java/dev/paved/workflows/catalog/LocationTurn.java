package dev.paved.workflows.catalog;

import java.util.List;

/**
 * What one read of a location found.
 *
 * @param exists the location is still registered (false ends its workflow)
 * @param entities how many entities it emits now
 * @param errors its errors, as on the location
 * @param unchanged nothing had changed since its last read, so nothing was processed
 * @param intervalMillis the configured schedule, read from the configuration at this turn
 */
public record LocationTurn(
    boolean exists, int entities, List<String> errors, boolean unchanged, long intervalMillis) {

  public static LocationTurn gone() {
    return new LocationTurn(false, 0, List.of(), true, 0);
  }
}
