package dev.paved.activities.render;

import dev.paved.activities.support.RepoUrl;
import io.temporal.failure.ApplicationFailure;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code | parseRepoUrl}: {@code github.com?owner=acme&repo=checkout} as host, owner and repo. */
final class ParseRepoUrlFilter extends TemplateFilter {

  ParseRepoUrlFilter() {
    super("parseRepoUrl");
  }

  @Override
  Object apply(Object input, Object[] args) {
    RepoUrl url = parse(getName(), input);
    Map<String, Object> parts = new LinkedHashMap<>();
    parts.put("host", url.host());
    parts.put("owner", url.owner());
    parts.put("repo", url.repo());
    return parts;
  }

  static RepoUrl parse(String filter, Object input) {
    try {
      return RepoUrl.parse(text(filter, input));
    } catch (ApplicationFailure e) {
      throw new IllegalArgumentException(filter + ": " + e.getOriginalMessage());
    }
  }
}
