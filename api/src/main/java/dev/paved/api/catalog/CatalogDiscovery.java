package dev.paved.api.catalog;

import dev.paved.activities.git.LocalGitRepositories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discovery in local mode's git folder: every bare repository {@code <data>/git/<owner>/<repo>.git}
 * whose default branch (its {@code HEAD}) has {@code /catalog-info.yaml} becomes a {@code url}
 * location, read on the catalog's schedule like any other. Discovered locations are not trusted (no
 * Group, User or Location entities). A repository a run made (it carries Paved's service marker) is
 * left to that run's {@code catalog:register}, which registers its file under the run's team.
 */
final class CatalogDiscovery implements LocationDiscovery {

  static final String FILE = "catalog-info.yaml";
  static final String ORIGIN = "discovery";
  private static final Logger log = LoggerFactory.getLogger(CatalogDiscovery.class);

  private final LocalGitRepositories git;
  private final CatalogLocations locations;
  private final Clock clock;

  CatalogDiscovery(LocalGitRepositories git, CatalogLocations locations, Clock clock) {
    this.git = git;
    this.locations = locations;
    this.clock = clock;
  }

  @Override
  public List<String> discover() {
    List<String> added = new ArrayList<>();
    for (String[] repo : repositories()) {
      String owner = repo[0];
      String name = repo[1];
      if (git.serviceMarker(owner, name).isPresent() || git.roleMarker(owner, name).isPresent()) {
        continue;
      }
      Optional<String> branch = defaultBranchWithFile(owner, name);
      if (branch.isEmpty()) {
        continue;
      }
      String target = git.remoteUrl(owner, name) + "/blob/" + branch.get() + "/" + FILE;
      Optional<CatalogLocations.Location> known = locations.find("url", target);
      if (known.isEmpty()) {
        locations.add("url", target, ORIGIN, false, null, null, ORIGIN, clock.instant());
        added.add(target);
      } else if (known.get().missing()) {
        locations.rearm(known.get().id()); // its file is back: the next turn reads it
      }
    }
    if (!added.isEmpty()) {
      log.info("Catalog: discovered {} locations in {}", added.size(), git.root());
    }
    return added;
  }

  /** {@code [owner, repo]} of each {@code <owner>/<repo>.git} folder with a safe name. */
  private List<String[]> repositories() {
    List<String[]> found = new ArrayList<>();
    try (Stream<Path> owners = Files.list(git.root())) {
      for (Path owner : owners.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> repos = Files.list(owner)) {
          repos
              .filter(Files::isDirectory)
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".git"))
              .map(n -> n.substring(0, n.length() - ".git".length()))
              .filter(LocalGitRepositories::isSafeName)
              .sorted()
              .forEach(
                  n -> {
                    String o = owner.getFileName().toString();
                    if (LocalGitRepositories.isSafeName(o)) {
                      found.add(new String[] {o, n});
                    }
                  });
        }
      }
    } catch (IOException e) {
      log.warn("Catalog discovery: {} not listed: {}", git.root(), e.getMessage());
    }
    return found;
  }

  /** The default branch's short name when its tip has {@code /catalog-info.yaml}. */
  private Optional<String> defaultBranchWithFile(String owner, String name) {
    Optional<Repository> opened = git.open(owner, name);
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    try (Repository repository = opened.get()) {
      String head = repository.getFullBranch();
      if (head == null || !head.startsWith(Constants.R_HEADS)) {
        return Optional.empty();
      }
      ObjectId tip = repository.resolve(head + "^{tree}");
      if (tip == null) {
        return Optional.empty(); // no commit yet
      }
      try (TreeWalk file = TreeWalk.forPath(repository, FILE, tip)) {
        return file == null
            ? Optional.empty()
            : Optional.of(head.substring(Constants.R_HEADS.length()));
      }
    } catch (IOException | RuntimeException e) {
      log.warn("Catalog discovery: {}/{} not read: {}", owner, name, e.getMessage());
      return Optional.empty();
    }
  }
}
