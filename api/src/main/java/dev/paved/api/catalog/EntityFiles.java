package dev.paved.api.catalog;

import dev.paved.activities.git.GitCommits;
import dev.paved.activities.git.LocalGitRepositories;
import dev.paved.activities.git.RepositoryAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.springframework.stereotype.Component;

/**
 * Catalog entities and the files of their repositories, for readers outside the catalog (fact
 * collectors): a file is read through the entity's location, from the same repository, and from its
 * branch or another one named ({@code paved-reports}). A path is relative to the folder of the
 * entity's {@code catalog-info.yaml}; one starting with {@code /} is from the repository's root.
 */
@Component
public class EntityFiles {

  private static final Pattern REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final String BLOB = "/blob/";
  private static final Pattern GITHUB_TREE =
      Pattern.compile("([^/]+)/([^/]+)/blob/([^/]+)(?:/(.*))?");

  /**
   * A file read.
   *
   * @param source where it was read: the location's URL of the file, at the branch read
   */
  public record File(String source, String text) {}

  private final CatalogStore store;
  private final CatalogLocations locations;
  private final CatalogIngestion ingestion;
  private final LocalGitRepositories git;
  private final GithubCatalogApi github; // null when Paved does not read GitHub

  EntityFiles(
      CatalogStore store,
      CatalogLocations locations,
      CatalogIngestion ingestion,
      LocalGitRepositories git,
      CatalogConfiguration.CatalogGithub github) {
    this.store = store;
    this.locations = locations;
    this.ingestion = ingestion;
    this.git = git;
    this.github = github.api();
  }

  /** The entity as stored (apiVersion, kind, metadata, spec), if the catalog holds it. */
  public Optional<Map<String, Object>> entity(String ref) {
    return store.findByRef(ref).map(s -> s.entity().body());
  }

  /** The refs of every entity of this kind, in order. */
  public List<String> refs(String kind) {
    return store.list(kind, null).stream().map(Entity::ref).toList();
  }

  /** The refs of the entities a run made or changed, or that belong to its service. */
  public List<String> refsOfRun(String runId, String serviceKey) {
    return store
        .jdbc()
        .sql(
            "select entity_ref from catalog_entities where run_id = ? or service_key = ?"
                + " order by entity_ref")
        .params(runId, serviceKey == null ? "" : serviceKey)
        .query(String.class)
        .list();
  }

  /**
   * A file of the entity's repository; empty when it is not there, or when the entity has no
   * repository to read from (registered by a run, or a location of another kind).
   *
   * @param branch the branch to read, or null for the location's own
   * @throws IllegalArgumentException for a branch name or path that is not one
   */
  public Optional<File> read(String entityRef, String branch, String path) {
    Optional<String> target = target(entityRef, branch, path);
    if (target.isEmpty()) {
      return Optional.empty();
    }
    EntityProvider provider = ingestion.provider(type(entityRef), target.get());
    return provider.read(target.get()).map(text -> new File(target.get(), text));
  }

  /**
   * The names of the files (not folders) directly in a folder of the entity's repository, sorted;
   * empty when there is no such folder, or its location is a plain URL (which lists nothing).
   */
  public List<String> list(String entityRef, String branch, String folder) {
    Optional<String> target = target(entityRef, branch, folder.replaceAll("/+$", "") + "/x");
    if (target.isEmpty()) {
      return List.of();
    }
    String dir = target.get().substring(0, target.get().length() - 2);
    if ("file".equals(type(entityRef))) {
      return localFolder(Path.of(dir));
    }
    Optional<RepositoryAddress> address = git.parse(dir).filter(a -> a.rest().startsWith(BLOB));
    if (address.isPresent()) {
      return gitFolder(address.get());
    }
    return github == null ? List.of() : githubFolder(dir);
  }

  private List<String> githubFolder(String dir) {
    String prefix = github.webUrl() + "/";
    if (!dir.startsWith(prefix)) {
      return List.of();
    }
    java.util.regex.Matcher m = GITHUB_TREE.matcher(dir.substring(prefix.length()));
    if (!m.matches()) {
      return List.of();
    }
    String folder = m.group(4) == null ? "" : m.group(4).replaceAll("/+$", "");
    return github.files(m.group(1), m.group(2), folder, m.group(3)).stream().sorted().toList();
  }

  /** Where the file is, as its location's provider reads it. */
  private Optional<String> target(String entityRef, String branch, String path) {
    if (branch != null && !REF.matcher(branch).matches()) {
      throw new IllegalArgumentException("not a branch name: " + branch);
    }
    if (path.isBlank() || path.contains("\\") || List.of(path.split("/")).contains("..")) {
      throw new IllegalArgumentException("not a path in the repository: " + path);
    }
    Optional<CatalogLocations.Location> location =
        store
            .findByRef(entityRef)
            .map(CatalogStore.Stored::locationId)
            .flatMap(locations::find)
            .filter(l -> "url".equals(l.type()) || "file".equals(l.type()));
    if (location.isEmpty()) {
      return Optional.empty();
    }
    String base = location.get().target();
    int blob = base.indexOf(BLOB);
    if ("file".equals(location.get().type()) || blob < 0) {
      // no branches to choose from: the location's own files only
      return branch != null
          ? Optional.empty()
          : Optional.of(ingestion.provider(location.get().type(), base).resolve(base, "./" + path));
    }
    int branchEnd = base.indexOf('/', blob + BLOB.length());
    if (branchEnd < 0) {
      return Optional.empty();
    }
    String root = base.substring(0, blob + BLOB.length());
    String own = base.substring(blob + BLOB.length(), branchEnd);
    String inRepo = base.substring(branchEnd + 1);
    String folder = inRepo.contains("/") ? inRepo.substring(0, inRepo.lastIndexOf('/') + 1) : "";
    String file = path.startsWith("/") ? path.replaceAll("^/+", "") : folder + path;
    return Optional.of(root + (branch == null ? own : branch) + "/" + file.replace("/./", "/"));
  }

  private String type(String entityRef) {
    return store
        .findByRef(entityRef)
        .map(CatalogStore.Stored::locationId)
        .flatMap(locations::find)
        .map(CatalogLocations.Location::type)
        .orElse("url");
  }

  private List<String> gitFolder(RepositoryAddress address) {
    String rest = address.rest().substring(BLOB.length());
    int slash = rest.indexOf('/');
    String branch = slash < 0 ? rest : rest.substring(0, slash);
    String folder = slash < 0 ? "" : rest.substring(slash + 1).replaceAll("/+$", "");
    Optional<Repository> opened = git.open(address.owner(), address.repo());
    if (opened.isEmpty()) {
      return List.of();
    }
    try (Repository repository = opened.get()) {
      Optional<ObjectId> head = GitCommits.head(repository, branch);
      if (head.isEmpty()) {
        return List.of();
      }
      ObjectId tree = GitCommits.treeOf(repository, head.get());
      List<String> names = new ArrayList<>();
      try (TreeWalk walk = new TreeWalk(repository)) {
        if (folder.isEmpty()) {
          walk.addTree(tree);
        } else {
          try (TreeWalk dir = TreeWalk.forPath(repository, folder, tree)) {
            if (dir == null || (dir.getRawMode(0) & FileMode.TYPE_MASK) != FileMode.TYPE_TREE) {
              return List.of();
            }
            walk.addTree(dir.getObjectId(0));
          }
        }
        while (walk.next()) {
          if ((walk.getRawMode(0) & FileMode.TYPE_MASK) == FileMode.TYPE_FILE) {
            names.add(walk.getNameString());
          }
        }
      }
      return names.stream().sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> localFolder(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
