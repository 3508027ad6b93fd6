package dev.paved.api.access;

import dev.paved.api.identity.CurrentUser;
import dev.paved.api.identity.CurrentUsers;
import dev.paved.workflows.access.AccessInput;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who may see an access request: its requester, the members of its approver groups (as frozen in
 * the request), the platform team and the auditors. Anyone else is answered as if it did not exist.
 */
@Component
class AccessVisibility {

  private final CurrentUsers users;

  AccessVisibility(CurrentUsers users) {
    this.users = users;
  }

  boolean sees(CurrentUser user, AccessInput request) {
    return seesEverything(user)
        || user.name().equals(request.requestedBy())
        || user.inAnyGroup(request.approvers().groups());
  }

  /** The reader a list is filtered for; empty for those who see every request. */
  Optional<AccessStore.Reader> reader(CurrentUser user) {
    return seesEverything(user)
        ? Optional.empty()
        : Optional.of(new AccessStore.Reader(user.name(), user.groups()));
  }

  /** The platform team and the auditors, who read the whole audit trail anyway. */
  private boolean seesEverything(CurrentUser user) {
    return users.mayReadAudit(user);
  }
}
