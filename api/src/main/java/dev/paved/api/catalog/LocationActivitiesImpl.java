package dev.paved.api.catalog;

import dev.paved.workflows.catalog.LocationActivities;
import dev.paved.workflows.catalog.LocationRead;
import dev.paved.workflows.catalog.LocationTurn;

/** Reads a location for its workflow, in one transaction, with the configured schedule. */
final class LocationActivitiesImpl implements LocationActivities {

  private final Catalog catalog;
  private final CatalogProperties properties;

  LocationActivitiesImpl(Catalog catalog, CatalogProperties properties) {
    this.catalog = catalog;
    this.properties = properties;
  }

  @Override
  public LocationTurn readLocation(LocationRead read) {
    long interval = Math.max(0, properties.refreshInterval().toMillis());
    return catalog
        .read(read.locationId(), !read.requested())
        .map(
            outcome ->
                new LocationTurn(
                    true,
                    outcome.entities().size(),
                    outcome.errors(),
                    outcome.unchanged(),
                    interval))
        .orElseGet(LocationTurn::gone);
  }
}
