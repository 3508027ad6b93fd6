package dev.paved.activities.git;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A repository named by a URL of the local git root, with what follows its {@code .git} (for
 * example {@code /blob/main} in a {@code repoContentsUrl}).
 */
public record RepositoryAddress(String owner, String repo, String rest) {

  private static final Pattern FORM = Pattern.compile("([^/]+)/([^/]+)\\.git(/.*)?");

  /** Parses {@code <owner>/<repo>.git[/rest]}; empty when it is not that or a name is unsafe. */
  static Optional<RepositoryAddress> parse(String relative) {
    Matcher m = FORM.matcher(relative);
    if (!m.matches()
        || !LocalGitRepositories.isSafeName(m.group(1))
        || !LocalGitRepositories.isSafeName(m.group(2))) {
      return Optional.empty();
    }
    return Optional.of(
        new RepositoryAddress(m.group(1), m.group(2), m.group(3) == null ? "" : m.group(3)));
  }
}
