package dev.paved.activities.repository;

import dev.paved.activities.git.FolderTree;
import dev.paved.activities.github.GithubConnection;
import dev.paved.activities.github.GithubContents;
import dev.paved.activities.github.GithubFailures;
import dev.paved.activities.github.GithubGitData;
import dev.paved.activities.github.GithubMarker;
import dev.paved.activities.support.Effects;
import dev.paved.activities.support.RepoUrl;
import dev.paved.activities.support.StepFailures;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Repository;
import org.kohsuke.github.GHCommit;
import org.kohsuke.github.GHContentUpdateResponse;
import org.kohsuke.github.GHException;
import org.kohsuke.github.GHOrganization;
import org.kohsuke.github.GHRef;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GHTeam;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Services' repositories on GitHub (or GitHub Enterprise), in organisations. A repository Paved
 * makes is marked at once by the file {@value GithubMarker#FILE}, committed through the contents
 * API (the Git Data API refuses an empty repository); the scaffold then replaces that commit with
 * one root commit holding the scaffold and the marker.
 */
public final class GithubRepositoryHost implements RepositoryHost {

  static final String MARKER_MESSAGE = "Mark the repository as made by Paved";

  private static final Logger log = LoggerFactory.getLogger(GithubRepositoryHost.class);
  private static final Pattern CONTENTS = Pattern.compile("([^/]+)/([^/]+)/blob/(.+)");

  private record MarkerCommit(String sha, String tree) {}

  private final GithubConnection github;
  private final ReservedRepositories reserved;

  /** {@code reserved}: Paved's own repositories (the GitOps one), which no service may take. */
  public GithubRepositoryHost(GithubConnection github, List<RepoUrl> reserved) {
    this.github = github;
    this.reserved = new ReservedRepositories(reserved);
  }

  @Override
  public PublishedRepository publish(Publication publication) {
    RepoUrl url = publication.repository();
    String name = url.owner() + "/" + url.repo();
    reserved.refuse(url);
    try {
      GHOrganization org = GithubRepositorySetup.organisation(github.api(), url.owner());
      String slug = publication.settings().adminTeam();
      GHTeam team = slug == null ? null : GithubRepositorySetup.team(org, slug);
      Optional<GHRepository> made = create(org, publication);
      GHRepository repo = made.isPresent() ? made.get() : taken(name, publication);
      boolean ours = made.isPresent() || cutOffBeforeMarking(repo, publication);
      MarkerCommit markerCommit = ours ? mark(repo, publication) : null;
      GithubMarker marker = ours ? marker(publication) : owned(repo, publication);
      boolean ownRun = marker.runId().equals(publication.runId());
      if (ownRun) {
        Effects.made(RepositoryEffects.of(name)); // made now, or by an earlier attempt of this run
      }
      if (ownRun) {
        GithubRepositorySetup.defaultBranch(repo, publication.defaultBranch());
      }
      String commit = pushScaffoldIfMissing(repo, publication, markerCommit);
      if (ownRun) {
        GithubRepositorySetup.apply(
            repo, publication.settings(), team, publication.defaultBranch());
      }
      return new PublishedRepository(
          repo.getHttpTransportUrl(),
          repo.getHtmlUrl() + "/blob/" + publication.defaultBranch(),
          commit,
          !ours);
    } catch (IOException e) {
      throw GithubFailures.of("publishing repository " + name, e, github.clock().instant());
    } catch (GHException e) {
      throw GithubFailures.of(
          "publishing repository " + name, GithubFailures.unwrap(e), github.clock().instant());
    }
  }

  /** {@code POST /orgs/{org}/repos}; empty when the name is taken. */
  private static Optional<GHRepository> create(GHOrganization org, Publication publication)
      throws IOException {
    var create =
        org.createRepository(publication.repository().repo())
            .visibility(GHRepository.Visibility.from(publication.settings().visibility()))
            .autoInit(false);
    if (publication.description() != null) {
      create.description(publication.description());
    }
    String effect =
        RepositoryEffects.of(
            publication.repository().owner() + "/" + publication.repository().repo());
    Effects.intend(effect);
    try {
      GHRepository repo = create.create();
      Effects.made(effect);
      return Optional.of(repo);
    } catch (IOException e) {
      if (GithubFailures.nameTaken(e) || RepositoryEffects.refusedWithoutMaking(e)) {
        Effects.notMade(effect);
      }
      if (GithubFailures.nameTaken(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The repository that has the name; Conflict when Paved's credentials cannot see it. */
  private GHRepository taken(String name, Publication publication) throws IOException {
    try {
      return github.api().getRepository(name);
    } catch (IOException e) {
      if (GithubFailures.notFound(e)) {
        throw StepFailures.conflict(
            "the name "
                + name
                + " is taken by a repository Paved's credentials cannot see; it was not made for"
                + " service "
                + publication.serviceKey());
      }
      throw e;
    }
  }

  private static GithubMarker marker(Publication publication) {
    return new GithubMarker(publication.serviceKey(), publication.runId());
  }

  /**
   * The marker as the repository's first commit. If that fails, the repository this call made a
   * moment ago is deleted again: unmarked, no later attempt could tell it is this run's.
   */
  private MarkerCommit mark(GHRepository repo, Publication publication) throws IOException {
    GithubMarker marker = marker(publication);
    try {
      GHContentUpdateResponse marked =
          repo.createContent()
              .path(GithubMarker.FILE)
              .content(marker.fileText())
              .message(MARKER_MESSAGE + "\n\n" + marker.trailers())
              .branch(publication.defaultBranch())
              .commit();
      return new MarkerCommit(marked.getCommit().getSHA1(), marked.getCommit().getTreeSHA1());
    } catch (IOException | GHException e) {
      try {
        repo.delete();
      } catch (IOException | GHException alsoFailed) {
        log.warn(
            "Repository {} was made but could not be marked or deleted again: {}",
            repo.getFullName(),
            alsoFailed.getMessage());
      }
      throw e;
    }
  }

  /**
   * Whether the repository that has the name is the one an earlier attempt of this step made and
   * was cut off before marking (its worker died while GitHub answered): that attempt had said it
   * was about to make it, and the repository is still empty and unmarked. It is marked and used as
   * made by this run, so a lost worker costs a retry, not a conflict someone must clear by hand.
   */
  private static boolean cutOffBeforeMarking(GHRepository repo, Publication publication)
      throws IOException {
    String branch = publication.defaultBranch();
    RepoUrl url = publication.repository();
    return Effects.intendedEarlier(RepositoryEffects.of(url.owner() + "/" + url.repo()))
        && readMarker(repo, branch).isEmpty()
        && GithubGitData.branch(repo, branch).isEmpty();
  }

  /** The marker of a repository that was there; Conflict when it is not this service's. */
  private static GithubMarker owned(GHRepository repo, Publication publication) throws IOException {
    String branch = publication.defaultBranch();
    Optional<GithubMarker> marker = readMarker(repo, branch);
    if (marker.isPresent() && marker.get().isFor(publication.serviceKey())) {
      return marker.get();
    }
    String whose =
        marker.isPresent()
            ? " (it belongs to " + marker.get().serviceKey() + ")"
            : GithubGitData.branch(repo, branch).isEmpty()
                ? " (it has no branch "
                    + branch
                    + ": if an earlier attempt made it and was cut off before marking it, delete"
                    + " it and retry)"
                : "";
    throw StepFailures.conflict(
        "repository "
            + repo.getFullName()
            + " already exists and was not made by Paved for service "
            + publication.serviceKey()
            + whose);
  }

  /**
   * The branch's commit; when it holds only the marker, first a root commit of the scaffold plus
   * the marker, which replaces it.
   */
  private String pushScaffoldIfMissing(
      GHRepository repo, Publication publication, MarkerCommit markerCommit) throws IOException {
    String branch = publication.defaultBranch();
    GHRef ref =
        GithubGitData.branch(repo, branch)
            .orElseThrow(
                () ->
                    StepFailures.unavailable(
                        "branch " + branch + " of " + repo.getFullName() + " is not there yet",
                        null));
    String head = ref.getObject().getSha();
    String markerTree;
    if (markerCommit != null && markerCommit.sha().equals(head)) {
      markerTree = markerCommit.tree();
    } else {
      GHCommit commit = repo.getCommit(head);
      boolean onlyMarker =
          commit.getParentSHA1s().isEmpty()
              && commit.getCommitShortInfo().getMessage().startsWith(MARKER_MESSAGE);
      if (!onlyMarker) {
        return head;
      }
      markerTree = commit.getCommitShortInfo().getTreeSHA1();
    }
    String tree = GithubGitData.writeTree(repo, publication.source(), markerTree, "");
    CommitAuthor author = publication.author();
    String scaffold =
        GithubGitData.commit(
            repo,
            tree,
            null,
            publication.commitMessage(),
            author.name(),
            author.email(),
            github.clock().instant());
    // replaces the marker-only commit: the history starts with the scaffold
    ref.updateTo(scaffold, true);
    return scaffold;
  }

  @Override
  public boolean deleteIfMadeBy(RepoUrl repository, String serviceKey, String runId) {
    String name = repository.owner() + "/" + repository.repo();
    try {
      GHRepository repo = github.api().getRepository(name);
      Optional<GithubMarker> marker = readMarker(repo, null);
      if (marker.isEmpty() || !marker.get().madeBy(serviceKey, runId)) {
        return false;
      }
      repo.delete();
      return true;
    } catch (IOException e) {
      if (GithubFailures.notFound(e)) {
        return false;
      }
      throw GithubFailures.of("deleting repository " + name, e, github.clock().instant());
    }
  }

  @Override
  public Optional<String> readFile(String repoContentsUrl, String path) {
    String prefix = github.webUrl() + "/";
    Matcher m =
        CONTENTS.matcher(
            repoContentsUrl != null && repoContentsUrl.startsWith(prefix)
                ? repoContentsUrl.substring(prefix.length())
                : "");
    if (!m.matches()) {
      throw StepFailures.invalidInput(
          "not a repository contents URL of " + github.webUrl() + ": " + repoContentsUrl);
    }
    String branch = m.group(3);
    if (!Repository.isValidRefName("refs/heads/" + branch)) {
      throw StepFailures.invalidInput("not a branch name: " + branch);
    }
    String file = FolderTree.normalise(path);
    String name = m.group(1) + "/" + m.group(2);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    try {
      return GithubContents.read(github.api().getRepository(name), file, branch);
    } catch (IOException e) {
      if (GithubFailures.notFound(e)) {
        return Optional.empty();
      }
      throw GithubFailures.of("reading " + file + " of " + name, e, github.clock().instant());
    }
  }

  private static Optional<GithubMarker> readMarker(GHRepository repo, String branch)
      throws IOException {
    return GithubContents.read(repo, GithubMarker.FILE, branch).flatMap(GithubMarker::fromFile);
  }
}
