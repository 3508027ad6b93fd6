package dev.paved.api.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Users and their groups from a YAML file, for HTTP basic:
 *
 * <pre>
 * users:
 *   - name: alice
 *     password: "{bcrypt}$2a$10$..."
 *     groups: [team-payments]
 * </pre>
 *
 * Passwords are stored hashed with their scheme in braces, as Spring Security writes them.
 */
final class UsersFile {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** One user of the file. */
  record Entry(String name, String password, List<String> groups) {}

  private final String source;
  private final boolean sample;
  private final List<Entry> users;

  private UsersFile(String source, boolean sample, List<Entry> users) {
    this.source = source;
    this.sample = sample;
    this.users = users;
  }

  static UsersFile load(Resource resource) {
    String source =
        resource instanceof FileSystemResource file ? file.getPath() : resource.getDescription();
    Map<?, ?> root;
    try (InputStream in = resource.getInputStream()) {
      root = YAML.readValue(in, Map.class);
    } catch (IOException e) {
      throw new SignInRefused("cannot read the users file " + source + ": " + e.getMessage());
    }
    if (root == null || !(root.get("users") instanceof List<?> list) || list.isEmpty()) {
      throw new SignInRefused("the users file " + source + " lists no users");
    }
    List<Entry> users = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Object item : list) {
      if (!(item instanceof Map<?, ?> user)
          || !(user.get("name") instanceof String name)
          || !NAME.matcher(name).matches()
          || !(user.get("password") instanceof String password)
          || !password.startsWith("{")) {
        throw new SignInRefused(
            "the users file "
                + source
                + ": each user needs a name and a password written with its scheme"
                + " ({bcrypt}...)");
      }
      if (!names.add(name)) {
        throw new SignInRefused("the users file " + source + " lists " + name + " twice");
      }
      List<String> groups = new ArrayList<>();
      if (user.get("groups") instanceof List<?> given) {
        given.forEach(group -> groups.add(String.valueOf(group)));
      }
      users.add(new Entry(name, password, List.copyOf(groups)));
    }
    return new UsersFile(source, Boolean.TRUE.equals(root.get("sample")), List.copyOf(users));
  }

  List<Entry> users() {
    return users;
  }

  /** Marked {@code sample: true}: its passwords are public. */
  boolean sample() {
    return sample;
  }

  /**
   * Outside local mode Paved refuses a sample file, a password stored in clear ({@code {noop}}),
   * and a password that is its user's name: the sample's passwords are public.
   */
  void checkAllowedOutsideLocalMode() {
    if (sample) {
      throw refused("it is the sample users file (sample: true), whose passwords are public");
    }
    PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    for (Entry user : users) {
      if (user.password().startsWith("{noop}")) {
        throw refused(user.name() + "'s password is stored in clear ({noop})");
      }
      if (encoder.matches(user.name(), user.password())) {
        throw refused(user.name() + "'s password is their name");
      }
    }
  }

  private SignInRefused refused(String why) {
    return new SignInRefused(
        "Paved refuses the users file "
            + source
            + " outside local mode (PAVED_TEMPORAL_TARGET is set): "
            + why
            + ". Point PAVED_USERS_FILE at your own users file, or set PAVED_OIDC_ISSUER_URI.");
  }

  InMemoryUserDetailsManager userDetails() {
    List<UserDetails> details = new ArrayList<>();
    for (Entry user : users) {
      details.add(
          User.withUsername(user.name())
              .password(user.password())
              .authorities(
                  user.groups().stream()
                      .map(group -> new SimpleGrantedAuthority(CurrentUsers.GROUP + group))
                      .toList())
              .build());
    }
    return new InMemoryUserDetailsManager(details);
  }
}
