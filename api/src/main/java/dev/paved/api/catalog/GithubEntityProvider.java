package dev.paved.api.catalog;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code url} locations on GitHub ({@code https://github.com/<owner>/<repo>/blob/<branch>/<path>}),
 * read with conditional requests: the version is the file's ETag, and while GitHub answers 304 the
 * file is neither transferred nor parsed.
 */
final class GithubEntityProvider implements EntityProvider {

  private static final Pattern BLOB = Pattern.compile("([^/]+)/([^/]+)/blob/([^/]+)/(.+)");

  private final GithubCatalogApi github;

  GithubEntityProvider(GithubCatalogApi github) {
    this.github = github;
  }

  @Override
  public boolean reads(String type, String target) {
    return "url".equals(type) && file(target).isPresent();
  }

  @Override
  public Read read(String target, String lastVersion) {
    Matcher m =
        file(target)
            .orElseThrow(() -> new IllegalArgumentException("not a file on GitHub: " + target));
    return github.contents(m.group(1), m.group(2), m.group(4), m.group(3), lastVersion);
  }

  @Override
  public String resolve(String base, String relative) {
    return UrlEntityProvider.relativeTo(base, relative);
  }

  private Optional<Matcher> file(String target) {
    String prefix = github.webUrl() + "/";
    if (target == null || !target.startsWith(prefix)) {
      return Optional.empty();
    }
    Matcher m = BLOB.matcher(target.substring(prefix.length()));
    return m.matches() ? Optional.of(m) : Optional.empty();
  }
}
