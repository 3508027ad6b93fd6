package dev.paved.workflows.access;

import dev.paved.workflows.approval.Caller;

/** A revoke, cancel or acknowledge as asked through the API: who asks, and why. */
public record AccessAction(Caller caller, String comment) {}
