package dev.paved.activities.support;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A repository address as Backstage's {@code RepoUrlPicker} writes it: {@code
 * github.com?owner=acme&repo=checkout}.
 */
public record RepoUrl(String host, String owner, String repo) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,99}");

  /** Parses {@code host?owner=..&repo=..}; InvalidInput when a part is missing or unsafe. */
  public static RepoUrl parse(String value) {
    if (value == null || !value.contains("?")) {
      throw StepFailures.invalidInput(
          "repoUrl must look like github.com?owner=acme&repo=checkout, got: " + value);
    }
    String host = value.substring(0, value.indexOf('?'));
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : value.substring(value.indexOf('?') + 1).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        query.put(
            pair.substring(0, eq),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    String owner = query.getOrDefault("owner", query.get("organization"));
    String repo = query.get("repo");
    if (host.isBlank() || !valid(owner) || !valid(repo)) {
      throw StepFailures.invalidInput(
          "repoUrl needs a host, an owner and a repo made of letters, digits, '.', '_' or '-': "
              + value);
    }
    return new RepoUrl(host, owner, repo);
  }

  private static boolean valid(String name) {
    return name != null && NAME.matcher(name).matches() && !name.endsWith(".git");
  }

  /** Back in {@code RepoUrlPicker} form. */
  @Override
  public String toString() {
    return host + "?owner=" + owner + "&repo=" + repo;
  }
}
