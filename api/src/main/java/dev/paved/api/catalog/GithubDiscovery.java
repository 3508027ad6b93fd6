package dev.paved.api.catalog;

import dev.paved.api.catalog.CatalogLocations.Location;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discovery in a GitHub organisation: every repository (archived ones left out) whose default
 * branch has {@code /catalog-info.yaml} becomes a {@code url} location (origin {@code discovery},
 * not trusted), read on its schedule like any other. A repository without the file is looked at
 * again only once GitHub says it was pushed to since; one a run made (Paved's marker {@code
 * .paved/service.json}) is left to that run's {@code catalog:register}. The organisation itself
 * becomes a trusted {@code github-org} location: its teams and members as Groups and Users.
 */
final class GithubDiscovery implements LocationDiscovery {

  static final String MARKER = ".paved/service.json";
  private static final Logger log = LoggerFactory.getLogger(GithubDiscovery.class);

  private final GithubCatalogApi github;
  private final String org;
  private final CatalogLocations locations;
  private final Clock clock;

  /** {@code owner/name} of repositories seen without a file of theirs, and their push time then. */
  private final Map<String, String> passed = new ConcurrentHashMap<>();

  GithubDiscovery(GithubCatalogApi github, String org, CatalogLocations locations, Clock clock) {
    this.github = github;
    this.org = org;
    this.locations = locations;
    this.clock = clock;
  }

  @Override
  public List<String> discover() {
    List<String> added = new ArrayList<>();
    if (locations.find(GithubOrgEntityProvider.TYPE, org).isEmpty()) {
      // the organisation's teams and members: configured by the platform, so trusted
      locations.add(
          GithubOrgEntityProvider.TYPE, org, "config", true, null, null, "config", clock.instant());
      added.add(GithubOrgEntityProvider.TYPE + ":" + org);
    }
    for (GithubCatalogApi.Repo repo : github.repositories(org)) {
      String key = repo.owner() + "/" + repo.name();
      if (repo.archived() || repo.pushedAt().equals(passed.get(key))) {
        continue;
      }
      String target =
          github.webUrl()
              + "/"
              + key
              + "/blob/"
              + repo.defaultBranch()
              + "/"
              + CatalogDiscovery.FILE;
      Optional<Location> known = locations.find("url", target);
      if (known.isPresent()) {
        if (known.get().missing()) {
          locations.rearm(known.get().id()); // pushed to since: the next turn reads it
          passed.put(key, repo.pushedAt());
        }
        continue;
      }
      if (has(repo, CatalogDiscovery.FILE) && !has(repo, MARKER)) {
        locations.add(
            "url",
            target,
            CatalogDiscovery.ORIGIN,
            false,
            null,
            null,
            CatalogDiscovery.ORIGIN,
            clock.instant());
        added.add(target);
      } else {
        passed.put(key, repo.pushedAt());
      }
    }
    if (!added.isEmpty()) {
      log.info("Catalog: discovered {} locations in GitHub organisation {}", added.size(), org);
    }
    return added;
  }

  private boolean has(GithubCatalogApi.Repo repo, String path) {
    return github
        .contents(repo.owner(), repo.name(), path, repo.defaultBranch(), null)
        .text()
        .isPresent();
  }
}
