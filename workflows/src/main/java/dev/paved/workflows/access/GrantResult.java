package dev.paved.workflows.access;

/**
 * A grant as made: the provider that made it and the reference it is revoked by. Never the
 * credential itself, which must not enter workflow history.
 */
public record GrantResult(String provider, String grantRef) {}
