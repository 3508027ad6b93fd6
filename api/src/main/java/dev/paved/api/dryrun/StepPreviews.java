package dev.paved.api.dryrun;

import static dev.paved.activities.support.PlannedStep.resource;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paved.activities.catalogfile.CatalogFileActivitiesImpl;
import dev.paved.activities.dashboard.DashboardActivitiesImpl;
import dev.paved.activities.dashboard.LocalDashboardProvider;
import dev.paved.activities.debug.DebugActivitiesImpl;
import dev.paved.activities.fetch.FetchActivitiesImpl;
import dev.paved.activities.filesystem.FilesystemActivitiesImpl;
import dev.paved.activities.infrastructure.InfrastructureActivitiesImpl;
import dev.paved.activities.manifests.ManifestActivitiesImpl;
import dev.paved.activities.pullrequest.PullRequestActivitiesImpl;
import dev.paved.activities.repository.RepositoryActivitiesImpl;
import dev.paved.activities.secrets.SecretActivitiesImpl;
import dev.paved.activities.support.Inputs;
import dev.paved.activities.support.PlannedStep;
import dev.paved.activities.support.StepFailures;
import dev.paved.activities.support.Workspaces;
import dev.paved.api.catalog.CatalogLocation;
import dev.paved.api.catalog.Entity;
import dev.paved.workflows.approval.ApprovalStepInput;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each action's half that makes nothing, for one dry run: actions that only write the run's
 * workspace run as they are, on the dry run's own temporary workspace; actions that reach another
 * system give their plan instead (see {@link PlannedStep}).
 */
final class StepPreviews {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Workspaces workspaces;
  private final DryRunProviders providers;
  private final FetchActivitiesImpl fetch;
  private final FilesystemActivitiesImpl filesystem;
  private final CatalogFileActivitiesImpl catalogFiles;
  private final ManifestActivitiesImpl manifests;
  private final InfrastructureActivitiesImpl infrastructure;

  /** The folder each {@code repoContentsUrl} this dry run published comes from. */
  private final Map<String, Path> published = new HashMap<>();

  StepPreviews(Workspaces workspaces, DryRunProviders providers) {
    this.workspaces = workspaces;
    this.providers = providers;
    this.fetch = new FetchActivitiesImpl(workspaces, providers.renderer());
    this.filesystem = new FilesystemActivitiesImpl(workspaces);
    this.catalogFiles = new CatalogFileActivitiesImpl(workspaces);
    this.manifests = new ManifestActivitiesImpl(workspaces);
    this.infrastructure = new InfrastructureActivitiesImpl(providers.synth(), workspaces);
  }

  /** What the step would make; InvalidInput (and the like) as the real step would refuse it. */
  PlannedStep preview(ActionRequest request) {
    return switch (request.action()) {
      case "fetch:template" -> done(fetch.fetchTemplate(request));
      case "fetch:plain" -> done(fetch.fetchPlain(request));
      case "fetch:template:file" -> done(fetch.fetchTemplateFile(request));
      case "fetch:plain:file" -> done(fetch.fetchPlainFile(request));
      case "fs:delete" -> done(filesystem.fsDelete(request));
      case "fs:rename" -> done(filesystem.fsRename(request));
      case "debug:log" -> new PlannedStep(Map.of(), List.of());
      case "debug:wait" -> {
        DebugActivitiesImpl.waitTime(request); // refused as the run would refuse it, not waited
        yield new PlannedStep(Map.of(), List.of());
      }
      case "catalog:write" -> catalogFile(request);
      case "paved:k8s:manifests" -> manifests(request);
      case "paved:terraform:stack" -> infrastructure(request);
      case "publish:github" -> publish(request);
      case "publish:github:pull-request" ->
          new PullRequestActivitiesImpl(
                  providers.pullRequests(), workspaces, providers.gitopsRepository())
              .plan(request);
      case "paved:grafana:dashboard" -> dashboard(request);
      case "paved:vault:secrets" -> new SecretActivitiesImpl(providers.secrets()).plan(request);
      case "catalog:register" -> register(request);
      case "paved:approval" -> approval(request);
      default ->
          throw StepFailures.invalidInput(
              "a dry run cannot plan action '" + request.action() + "' yet");
    };
  }

  /** The approval the run would wait for; nobody is asked, so nobody has approved. */
  private static PlannedStep approval(ActionRequest request) {
    ApprovalStepInput input;
    try {
      input = ApprovalStepInput.parse(request.input(), request.stepId());
    } catch (IllegalArgumentException e) {
      throw StepFailures.invalidInput(e.getMessage());
    }
    return new PlannedStep(
        Map.of("approvedBy", List.of()),
        List.of(
            resource(
                "approval",
                "approvers",
                input.approvers(),
                "minApprovals",
                input.minApprovals(),
                "timeout",
                input.timeout().toString(),
                "message",
                input.message())));
  }

  private static PlannedStep done(ActionResult result) {
    return new PlannedStep(result.output(), List.of());
  }

  private PlannedStep catalogFile(ActionRequest request) {
    catalogFiles.catalogWrite(request);
    String path =
        Inputs.of(request.action(), request.input()).string("filePath", "catalog-info.yaml");
    return new PlannedStep(
        Map.of(),
        List.of(resource("catalog-file", "path", path, "entity", request.input().get("entity"))));
  }

  private PlannedStep manifests(ActionRequest request) {
    Map<String, Object> output = manifests.k8sManifests(request).output();
    Map<String, Object> files = new LinkedHashMap<>();
    for (Object file : (List<?>) output.get("files")) {
      files.put(String.valueOf(file), read(String.valueOf(file)));
    }
    return new PlannedStep(
        output,
        List.of(resource("kubernetes-manifests", "path", output.get("path"), "files", files)));
  }

  private PlannedStep infrastructure(ActionRequest request) {
    Map<String, Object> output = infrastructure.terraformStack(request).output();
    Object stack;
    try {
      stack = JSON.readValue(read(String.valueOf(output.get("path"))), Object.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new PlannedStep(
        output,
        List.of(
            resource(
                "infrastructure",
                "path",
                output.get("path"),
                "resources",
                output.get("resources"),
                "json",
                stack)));
  }

  private PlannedStep publish(ActionRequest request) {
    PlannedStep planned =
        new RepositoryActivitiesImpl(providers.repositories(), workspaces).plan(request);
    String sourcePath = Inputs.of(request.action(), request.input()).string("sourcePath", ".");
    published.put(
        String.valueOf(planned.output().get("repoContentsUrl")),
        workspaces.resolve(request.runId(), sourcePath));
    return planned;
  }

  /** Local dashboards are files of the GitOps change: written there too, as the run would. */
  private PlannedStep dashboard(ActionRequest request) {
    PlannedStep planned = new DashboardActivitiesImpl(providers.dashboards()).plan(request);
    if (providers.dashboards() instanceof LocalDashboardProvider) {
      ActionResult written =
          new DashboardActivitiesImpl(new LocalDashboardProvider(workspaces))
              .grafanaDashboard(request);
      return new PlannedStep(written.output(), planned.resources());
    }
    return planned;
  }

  /**
   * The entity file of a repository this dry run publishes is read from the folder it would
   * publish; any other repository is read as it is (reading changes nothing).
   */
  private PlannedStep register(ActionRequest request) {
    CatalogLocation location = CatalogLocation.of(request.input());
    Path folder = published.get(location.repoContentsUrl());
    String content;
    if (folder != null) {
      Path file = Workspaces.inside(folder, location.file());
      try {
        content = Files.isRegularFile(file) ? Files.readString(file) : null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      content = providers.catalog().read(location.repoContentsUrl(), location.file()).orElse(null);
    }
    if (content == null) {
      throw StepFailures.invalidInput(
          "catalog:register: no file '" + location.file() + "' in " + location.repoContentsUrl());
    }
    List<Entity> entities = Entity.parseFile(content, location.file());
    List<Map<String, Object>> resources = new ArrayList<>();
    for (Entity entity : entities) {
      resources.add(resource("catalog-entity", "entityRef", entity.ref(), "entity", entity.body()));
    }
    return new PlannedStep(
        Map.of("entityRef", entities.get(0).ref(), "catalogInfoUrl", location.catalogInfoUrl()),
        resources);
  }

  private String read(String workspacePath) {
    try {
      return Files.readString(
          workspaces.resolve(DryRunner.RUN_ID, workspacePath), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
