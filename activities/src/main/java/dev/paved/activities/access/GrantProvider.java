package dev.paved.activities.access;

import dev.paved.workflows.access.GrantRequest;

/**
 * Where production access is granted: Paved's local grant records, or Vault tokens. A provider
 * never hands a credential back to the workflow, only the reference the grant is revoked by.
 */
public interface GrantProvider {

  /** The provider's name, shown in the request and its audit trail. */
  String name();

  /** Grants the request (once per request id: a retry finds the grant made before). */
  String grant(GrantRequest request);

  /** Ends the grant; succeeds when it has ended already. */
  void revoke(GrantRequest request, String grantRef);
}
