package dev.paved.workflows.access;

/** The grant to end: what was granted, and the reference its provider returned. */
public record GrantRevocation(GrantRequest grant, String grantRef) {}
