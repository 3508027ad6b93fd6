package dev.paved.api.identity;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The user of the current request, with their groups from the sign-in and from the catalog. */
public class CurrentUsers {

  /** Groups travel as authorities with this prefix. */
  static final String GROUP = "GROUP_";

  private final IdentityProperties identity;
  private final ObjectProvider<TeamDirectory> directory;

  CurrentUsers(IdentityProperties identity, ObjectProvider<TeamDirectory> directory) {
    this.identity = identity;
    this.directory = directory;
  }

  /** The signed-in user; every API path requires one. */
  public CurrentUser current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
      throw new IllegalStateException("no signed-in user for an API call");
    }
    Set<String> groups = new TreeSet<>();
    for (GrantedAuthority authority : auth.getAuthorities()) {
      String name = authority.getAuthority();
      if (name != null && name.startsWith(GROUP)) {
        groups.add(name.substring(GROUP.length()).toLowerCase(Locale.ROOT));
      }
    }
    TeamDirectory teams = directory.getIfAvailable();
    if (teams != null) {
      groups.addAll(teams.teamsOf(auth.getName()));
    }
    return new CurrentUser(auth.getName(), groups, groups.contains(identity.platformGroup()));
  }

  /** The platform team and the auditors read the audit trail. */
  public boolean mayReadAudit(CurrentUser user) {
    return user.platform() || user.inGroup(identity.auditorGroup());
  }

  public String platformGroup() {
    return identity.platformGroup();
  }
}
