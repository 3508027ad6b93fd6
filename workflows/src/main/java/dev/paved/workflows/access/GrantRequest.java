package dev.paved.workflows.access;

import java.time.Duration;

/**
 * What a grant provider makes: {@code role} on {@code service} in {@code environment} for {@code
 * user}, lasting {@code ttl}. The request id makes the grant idempotent.
 */
public record GrantRequest(
    String requestId, String service, String environment, String role, String user, Duration ttl) {

  static GrantRequest of(AccessInput input) {
    return new GrantRequest(
        input.requestId(),
        input.service(),
        input.environment(),
        input.role(),
        input.requestedBy(),
        input.duration());
  }
}
