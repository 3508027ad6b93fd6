package dev.paved.api.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.Arrays;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Signed-in users for slice tests: {@code .with(TestUsers.as("alice", "team-payments"))}. Without
 * one, a slice test calls as {@link #PLATFORM_USER} (see {@link SignedInAsPlatform}); {@code
 * .with(SecurityMockMvcRequestPostProcessors.anonymous())} calls without credentials.
 */
public final class TestUsers {

  public static final String PLATFORM_USER = "pat";

  private TestUsers() {}

  public static RequestPostProcessor as(String name, String... groups) {
    return user(name)
        .authorities(
            Arrays.stream(groups)
                .map(group -> new SimpleGrantedAuthority(CurrentUsers.GROUP + group))
                .toList());
  }

  public static RequestPostProcessor platform() {
    return as(PLATFORM_USER, "platform");
  }
}
