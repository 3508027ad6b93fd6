package dev.paved.api.identity;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.stereotype.Component;

/**
 * Who the users file (an operator's, or local mode's sample) puts in each group. A users file lists
 * everyone who can sign in, so unlike an identity provider's tokens it can say who is in a group.
 * Only when users sign in from a users file; SecurityConfiguration has checked the file already.
 */
@Component
@Conditional(SecurityConfiguration.UsersFileMode.class)
public class UsersFileMembers {

  private final UsersFile users;

  UsersFileMembers(IdentityProperties identity, Environment env) {
    this.users =
        identity.usersFile() != null && !identity.usersFile().isBlank()
            ? UsersFile.load(new FileSystemResource(identity.usersFile()))
            : SecurityConfiguration.localMode(env)
                ? UsersFile.load(new ClassPathResource(SecurityConfiguration.SAMPLE_USERS))
                : null;
  }

  /** The users the file lists in the group (a group name or ref). */
  public Set<String> membersOf(String group) {
    Set<String> members = new TreeSet<>();
    if (users != null) {
      String name = Teams.name(group);
      users.users().stream()
          .filter(u -> u.groups().stream().anyMatch(g -> Teams.name(g).equals(name)))
          .forEach(u -> members.add(u.name()));
    }
    return members;
  }
}
