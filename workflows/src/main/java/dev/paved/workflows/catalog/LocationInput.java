package dev.paved.workflows.catalog;

/**
 * What a location's workflow starts with.
 *
 * @param locationId the location it keeps current
 * @param intervalMillis the schedule until a read tells the configured one (0: only when asked)
 * @param turnsPerRun reads before the workflow continues as new, so its history stays short
 */
public record LocationInput(String locationId, long intervalMillis, int turnsPerRun) {}
