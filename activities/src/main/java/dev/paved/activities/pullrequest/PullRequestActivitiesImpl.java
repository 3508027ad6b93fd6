package dev.paved.activities.pullrequest;

import dev.paved.activities.git.FolderTree;
import dev.paved.activities.support.Effects;
import dev.paved.activities.support.FolderFiles;
import dev.paved.activities.support.Inputs;
import dev.paved.activities.support.PlannedStep;
import dev.paved.activities.support.RepoUrl;
import dev.paved.activities.support.StepFailures;
import dev.paved.activities.support.Workspaces;
import dev.paved.workflows.actions.PullRequestActivities;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code publish:github:pull-request}: the GitOps change that starts the deployment. */
public final class PullRequestActivitiesImpl implements PullRequestActivities {

  static final String ACTION = "publish:github:pull-request";

  private static final Logger log = LoggerFactory.getLogger(PullRequestActivitiesImpl.class);

  private final PullRequestHost host;
  private final Workspaces workspaces;
  private final RepoUrl gitopsRepository;

  /**
   * @param gitopsRepository the repository used when a step names none (locally {@code
   *     github.com?owner=platform&repo=gitops})
   */
  public PullRequestActivitiesImpl(
      PullRequestHost host, Workspaces workspaces, RepoUrl gitopsRepository) {
    this.host = host;
    this.workspaces = workspaces;
    this.gitopsRepository = gitopsRepository;
  }

  /** Opens the pull request for this service, or adopts its open one and updates the branch. */
  @Override
  public ActionResult publishGithubPullRequest(ActionRequest request) {
    Effects.track();
    PullRequestChange change = change(request);
    // The host reports the branch push and the pull request as it makes them: a step that
    // stops before the push made nothing. An adopted pull request is this service's: made.
    OpenedPullRequest opened = host.open(change);
    Effects.made(change.effect());
    log.info(
        "{} pull request #{} on {} of {} for {}",
        opened.adopted() ? "Adopted" : "Opened",
        opened.number(),
        change.branch(),
        change.repository(),
        request.serviceKey());
    return ActionResult.of(
        Map.of(
            "remoteUrl", opened.url(),
            "pullRequestNumber", opened.number(),
            "targetBranchName", opened.baseBranch()));
  }

  /**
   * The pull request the step would open, checked as the step checks it, with the files it would
   * commit; nothing is pushed, and its number (0) and address are placeholders.
   */
  public PlannedStep plan(ActionRequest request) {
    PullRequestChange change = change(request);
    RepoUrl repository = change.repository();
    String url =
        "https://%s/%s/%s/compare/%s"
            .formatted(repository.host(), repository.owner(), repository.repo(), change.branch());
    String prefix = change.targetPath().isEmpty() ? "" : change.targetPath() + "/";
    List<String> files =
        FolderFiles.list(change.source()).stream().map(file -> prefix + file).toList();
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("remoteUrl", url);
    output.put("pullRequestNumber", 0);
    output.put("targetBranchName", "main");
    return new PlannedStep(
        output,
        List.of(
            PlannedStep.resource(
                "pull-request",
                "repoUrl",
                repository.toString(),
                "branchName",
                change.branch(),
                "title",
                change.title(),
                "description",
                change.description(),
                "files",
                files)));
  }

  private PullRequestChange change(ActionRequest request) {
    Inputs in = Inputs.of(ACTION, request.input());
    RepoUrl repository = repository(in);
    String branch = branch(in);
    String title = in.requiredString("title");
    StepFailures.requireServiceKey(ACTION, request);
    Path source = workspaces.resolve(request.runId(), in.string("sourcePath", "."));
    if (!Files.isDirectory(source)) {
      throw StepFailures.invalidInput(
          ACTION
              + ": sourcePath is not a folder of the workspace: "
              + in.string("sourcePath", "."));
    }
    String targetPath = FolderTree.normalise(in.string("targetPath", ""));
    return new PullRequestChange(
        repository,
        request.serviceKey(),
        request.runId(),
        branch,
        title,
        in.string("description", ""),
        source,
        targetPath);
  }

  /** Closes this service's pull request and deletes its branch; anything else is left alone. */
  @Override
  public void undoPublishGithubPullRequest(ActionRequest request) {
    RepoUrl repository;
    String branch;
    try {
      Inputs in = Inputs.of(ACTION, request.input());
      repository = repository(in);
      branch = branch(in);
    } catch (ApplicationFailure badInput) {
      return; // the step refused the same input, so it made nothing
    }
    if (request.hasServiceKey()) {
      host.close(repository, branch, request.serviceKey(), request.runId());
    }
  }

  private RepoUrl repository(Inputs in) {
    String value = in.string("repoUrl", null);
    return value == null ? gitopsRepository : RepoUrl.parse(value);
  }

  private static String branch(Inputs in) {
    String branch = in.requiredString("branchName");
    if (!Repository.isValidRefName("refs/heads/" + branch)) {
      throw StepFailures.invalidInput(ACTION + ": branchName is not a branch name: " + branch);
    }
    return branch;
  }
}
