package dev.paved.activities.git;

import dev.paved.activities.support.StepFailures;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FileUtils;

/**
 * Bare git repositories under one root folder, {@code <root>/<owner>/<repo>.git}: Paved's local
 * stand-in for a git host. A repository Paved makes carries a marker in its config (section {@code
 * paved}) saying whom it was made for.
 */
public final class LocalGitRepositories {

  /** Config key naming the service a repository was made for. */
  public static final String MARKER_SECTION = "paved";

  public static final String SERVICE_KEY = "service";
  public static final String ROLE_KEY = "role";
  public static final String RUN_KEY = "run";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,99}");

  private final Path root;

  public LocalGitRepositories(Path root) {
    try {
      this.root = Files.createDirectories(root.toAbsolutePath().normalize());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path root() {
    return root;
  }

  /** Where {@code owner/repo} lives; InvalidInput for a name that is unsafe or leaves the root. */
  public Path path(String owner, String repo) {
    if (!isSafeName(owner) || !isSafeName(repo)) {
      throw StepFailures.invalidInput("not a safe repository name: " + owner + "/" + repo);
    }
    Path dir = root.resolve(owner).resolve(repo + ".git").normalize();
    if (!dir.startsWith(root) || !dir.getParent().getParent().equals(root)) {
      throw StepFailures.invalidInput("repository name leaves the git root: " + owner + "/" + repo);
    }
    return dir;
  }

  /** A name usable as an owner or repository folder: no separator, no climbing, no .git suffix. */
  public static boolean isSafeName(String name) {
    return name != null
        && NAME.matcher(name).matches()
        && !name.endsWith(".git")
        && !name.equals("..");
  }

  public boolean exists(String owner, String repo) {
    return Files.isDirectory(path(owner, repo));
  }

  /** The URL {@code git clone} accepts for the repository, without a trailing slash. */
  public String remoteUrl(String owner, String repo) {
    return rootUrl() + "/" + owner + "/" + repo + ".git";
  }

  /** The root folder as a {@code file:} URL, without a trailing slash. */
  public String rootUrl() {
    String url = root.toUri().toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** Opens the repository; the caller closes it. Empty when it does not exist or is not one. */
  public Optional<Repository> open(String owner, String repo) {
    Path dir = path(owner, repo);
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The service key the repository is marked with; empty when absent, unmarked or unreadable. */
  public Optional<String> serviceMarker(String owner, String repo) {
    return marker(owner, repo, SERVICE_KEY);
  }

  /** The id of the run that made the repository; empty when absent, unmarked or unreadable. */
  public Optional<String> runMarker(String owner, String repo) {
    return marker(owner, repo, RUN_KEY);
  }

  /** The role of a repository that is Paved's own (for example {@code gitops}); empty otherwise. */
  public Optional<String> roleMarker(String owner, String repo) {
    return marker(owner, repo, ROLE_KEY);
  }

  private Optional<String> marker(String owner, String repo, String key) {
    return open(owner, repo)
        .flatMap(
            repository -> {
              try (repository) {
                return Optional.ofNullable(
                    repository.getConfig().getString(MARKER_SECTION, null, key));
              }
            });
  }

  /**
   * Makes an empty bare repository with its marker and HEAD on {@code initialBranch}, unless one
   * exists. Built beside the target and moved in at once, so a repository is never seen without its
   * marker. Returns true when this call made it.
   */
  public boolean createIfAbsent(RepositoryMarker marker, String initialBranch, String description) {
    Path target = path(marker.owner(), marker.repo());
    if (Files.exists(target)) {
      return false;
    }
    Path staging = target.resolveSibling(".new-" + UUID.randomUUID());
    try {
      Files.createDirectories(target.getParent());
      init(staging.toFile(), marker, initialBranch, description);
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      return true;
    } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
      return false;
    } catch (IOException e) {
      if (Files.isDirectory(target)) {
        // Another process moved its repository in first (some file systems say so this way).
        return false;
      }
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(staging);
    }
  }

  private static void init(
      File dir, RepositoryMarker marker, String initialBranch, String description)
      throws IOException {
    try (Git git =
        Git.init().setBare(true).setDirectory(dir).setInitialBranch(initialBranch).call()) {
      StoredConfig config = git.getRepository().getConfig();
      if (marker.serviceKey() != null) {
        config.setString(MARKER_SECTION, null, SERVICE_KEY, marker.serviceKey());
        config.setString(MARKER_SECTION, null, RUN_KEY, marker.runId());
      }
      if (marker.role() != null) {
        config.setString(MARKER_SECTION, null, ROLE_KEY, marker.role());
      }
      config.save();
      if (description != null && !description.isBlank()) {
        Files.writeString(dir.toPath().resolve("description"), description.strip() + "\n");
      }
    } catch (GitAPIException e) {
      throw new IOException("cannot initialise a bare repository in " + dir, e);
    }
  }

  /**
   * Deletes the repository when it is marked with {@code serviceKey} and was made by {@code runId};
   * returns true when it did. Moved aside first, so a half-deleted repository is never left under
   * its name.
   */
  public boolean deleteIfMarked(String owner, String repo, String serviceKey, String runId) {
    if (serviceKey == null
        || runId == null
        || !serviceMarker(owner, repo).equals(Optional.of(serviceKey))
        || !runMarker(owner, repo).equals(Optional.of(runId))) {
      return false;
    }
    Path target = path(owner, repo);
    Path trash = target.resolveSibling(".deleted-" + UUID.randomUUID());
    try {
      Files.move(target, trash, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (!Files.exists(target)) {
        return false;
      }
      throw new UncheckedIOException(e);
    }
    deleteQuietly(trash);
    return true;
  }

  private static void deleteQuietly(Path dir) {
    try {
      if (Files.exists(dir)) {
        FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY);
      }
    } catch (IOException e) {
      // Only a leftover hidden folder; the repository itself is already in place or gone.
    }
  }

  /** The repository a {@code file:} URL of this root names, or empty if it names none here. */
  public Optional<RepositoryAddress> parse(String url) {
    String prefix = rootUrl() + "/";
    if (url == null || !url.startsWith(prefix)) {
      return Optional.empty();
    }
    return RepositoryAddress.parse(url.substring(prefix.length()));
  }
}
