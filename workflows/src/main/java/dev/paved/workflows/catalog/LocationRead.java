package dev.paved.workflows.catalog;

/**
 * One read of a location.
 *
 * @param requested asked for (a refresh, a run's change) rather than a scheduled turn: a location
 *     whose file was gone is fetched again only when asked
 */
public record LocationRead(String locationId, boolean requested) {}
