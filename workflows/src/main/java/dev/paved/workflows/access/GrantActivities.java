package dev.paved.workflows.access;

import io.temporal.activity.ActivityInterface;

/** Makes and ends production-access grants through the configured provider (local, Vault). */
@ActivityInterface
public interface GrantActivities {

  /** Grants the role for its duration, once per request id; returns no secret. */
  GrantResult grantAccess(GrantRequest request);

  /** Ends the grant; succeeds when it has ended already. */
  void revokeAccess(GrantRevocation revocation);
}
