package dev.paved.activities.access;

import dev.paved.workflows.access.GrantActivities;
import dev.paved.workflows.access.GrantRequest;
import dev.paved.workflows.access.GrantResult;
import dev.paved.workflows.access.GrantRevocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Grants and revokes production access through the configured {@link GrantProvider}. */
public class GrantActivitiesImpl implements GrantActivities {

  private static final Logger log = LoggerFactory.getLogger(GrantActivitiesImpl.class);

  private final GrantProvider provider;

  public GrantActivitiesImpl(GrantProvider provider) {
    this.provider = provider;
  }

  @Override
  public GrantResult grantAccess(GrantRequest request) {
    String ref = provider.grant(request);
    log.info(
        "Access request {}: {} holds {} on {} ({}) for {}, granted through {}",
        request.requestId(),
        request.user(),
        request.role(),
        request.service(),
        request.environment(),
        request.ttl(),
        provider.name());
    return new GrantResult(provider.name(), ref);
  }

  @Override
  public void revokeAccess(GrantRevocation revocation) {
    GrantRequest grant = revocation.grant();
    provider.revoke(grant, revocation.grantRef());
    log.info(
        "Access request {}: {}'s {} access on {} ({}) revoked",
        grant.requestId(),
        grant.user(),
        grant.role(),
        grant.service(),
        grant.environment());
  }
}
