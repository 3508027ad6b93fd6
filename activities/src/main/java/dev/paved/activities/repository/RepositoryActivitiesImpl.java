package dev.paved.activities.repository;

import dev.paved.activities.support.Effects;
import dev.paved.activities.support.FolderFiles;
import dev.paved.activities.support.Inputs;
import dev.paved.activities.support.PlannedStep;
import dev.paved.activities.support.RepoUrl;
import dev.paved.activities.support.StepFailures;
import dev.paved.activities.support.Workspaces;
import dev.paved.workflows.actions.RepositoryActivities;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code publish:github}: the service's repository with the workspace as its first commit. */
public final class RepositoryActivitiesImpl implements RepositoryActivities {

  static final String ACTION = "publish:github";

  private static final Logger log = LoggerFactory.getLogger(RepositoryActivitiesImpl.class);

  private final RepositoryHost host;
  private final Workspaces workspaces;

  public RepositoryActivitiesImpl(RepositoryHost host, Workspaces workspaces) {
    this.host = host;
    this.workspaces = workspaces;
  }

  /** Creates or adopts the service's repository and pushes the source folder to its branch. */
  @Override
  public ActionResult publishGithub(ActionRequest request) {
    Effects.track();
    Publication publication = publication(request);
    PublishedRepository published = host.publish(publication);
    log.info(
        "{} {} for {} at {} ({})",
        published.adopted() ? "Adopted" : "Published",
        publication.repository(),
        publication.serviceKey(),
        published.commitHash(),
        request.runId());
    return ActionResult.of(
        Map.of(
            "remoteUrl", published.remoteUrl(),
            "repoContentsUrl", published.repoContentsUrl(),
            "commitHash", published.commitHash()));
  }

  /**
   * The repository the step would make, checked as the step checks it, with the files of its first
   * commit; the outputs are computed from {@code repoUrl} and nothing is created.
   */
  public PlannedStep plan(ActionRequest request) {
    Publication publication = publication(request);
    String remoteUrl = host.remoteUrl(publication.repository());
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("remoteUrl", remoteUrl);
    output.put("repoContentsUrl", remoteUrl + "/blob/" + publication.defaultBranch());
    output.put("commitHash", "0".repeat(40));
    return new PlannedStep(
        output,
        List.of(
            PlannedStep.resource(
                "repository",
                "repoUrl",
                publication.repository().toString(),
                "remoteUrl",
                remoteUrl,
                "defaultBranch",
                publication.defaultBranch(),
                "description",
                publication.description(),
                "files",
                FolderFiles.list(publication.source()))));
  }

  private Publication publication(ActionRequest request) {
    Inputs in = Inputs.of(ACTION, request.input());
    RepoUrl repository = RepoUrl.parse(in.requiredString("repoUrl"));
    List<String> allowedHosts = in.list("allowedHosts").stream().map(String::valueOf).toList();
    if (!allowedHosts.isEmpty() && !allowedHosts.contains(repository.host())) {
      throw StepFailures.invalidInput(
          ACTION + ": host " + repository.host() + " is not in allowedHosts " + allowedHosts);
    }
    String serviceKey = StepFailures.requireServiceKey(ACTION, request);
    String branch = in.string("defaultBranch", "main");
    if (!Repository.isValidRefName("refs/heads/" + branch)) {
      throw StepFailures.invalidInput(ACTION + ": defaultBranch is not a branch name: " + branch);
    }
    Path source = workspaces.resolve(request.runId(), in.string("sourcePath", "."));
    if (!holdsAFile(source)) {
      throw StepFailures.invalidInput(
          ACTION + ": sourcePath is not a folder with files: " + in.string("sourcePath", "."));
    }
    RepositorySettings settings = RepositorySettings.read(ACTION, in, repository);
    CommitAuthor author =
        new CommitAuthor(
            in.string("gitAuthorName", CommitAuthor.PAVED.name()),
            in.string("gitAuthorEmail", CommitAuthor.PAVED.email()));
    return new Publication(
        repository,
        serviceKey,
        request.runId(),
        in.string("description", null),
        branch,
        source,
        in.string("gitCommitMessage", "initial commit"),
        author,
        settings);
  }

  /** Deletes the repository if this run made it; otherwise does nothing. */
  @Override
  public void undoPublishGithub(ActionRequest request) {
    RepoUrl repository;
    try {
      repository = RepoUrl.parse(Inputs.of(ACTION, request.input()).requiredString("repoUrl"));
    } catch (ApplicationFailure badInput) {
      return; // the step refused the same input, so it made nothing
    }
    if (!request.hasServiceKey()) {
      return;
    }
    if (host.deleteIfMadeBy(repository, request.serviceKey(), request.runId())) {
      log.info("Deleted {} made for {} by {}", repository, request.serviceKey(), request.runId());
    }
  }

  /** Checked before the repository is made, so an empty folder leaves nothing behind. */
  private static boolean holdsAFile(Path folder) {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths.anyMatch(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
