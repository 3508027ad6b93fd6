package dev.paved.workflows.steps;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Frozen: how runs whose plan was recorded before each step carried its {@link ActionSpec} (see
 * {@link StepPlan#spec()}) find their action's activities. Never edit it: a run in flight replays
 * against these names. Actions are declared in {@code dev.paved.activities.actions} (and the API's
 * {@code dev.paved.api.actions}); the API writes each step's spec into the plan when it loads the
 * template.
 */
public final class LegacyActionCatalog {

  private static final Map<String, ActionSpec> ACTIONS = new LinkedHashMap<>();

  static {
    add("fetch:template", "FetchTemplate", null, StepClass.WORKSPACE, TaskQueues.GOLDEN_PATH);
    add("fetch:plain", "FetchPlain", null, StepClass.WORKSPACE, TaskQueues.GOLDEN_PATH);
    add(
        "fetch:template:file",
        "FetchTemplateFile",
        null,
        StepClass.WORKSPACE,
        TaskQueues.GOLDEN_PATH);
    add("fetch:plain:file", "FetchPlainFile", null, StepClass.WORKSPACE, TaskQueues.GOLDEN_PATH);
    add("fs:delete", "FsDelete", null, StepClass.WORKSPACE, TaskQueues.GOLDEN_PATH);
    add("fs:rename", "FsRename", null, StepClass.WORKSPACE, TaskQueues.GOLDEN_PATH);
    add("catalog:write", "CatalogWrite", null, StepClass.WORKSPACE, TaskQueues.GOLDEN_PATH);
    add("debug:log", "DebugLog", null, StepClass.WORKSPACE, TaskQueues.GOLDEN_PATH);
    add("debug:wait", "DebugWait", null, StepClass.WAIT, TaskQueues.GOLDEN_PATH);
    add(
        "publish:github",
        "PublishGithub",
        "UndoPublishGithub",
        StepClass.EXTERNAL,
        TaskQueues.GOLDEN_PATH);
    add(
        "publish:github:pull-request",
        "PublishGithubPullRequest",
        "UndoPublishGithubPullRequest",
        StepClass.EXTERNAL,
        TaskQueues.GOLDEN_PATH);
    add("paved:k8s:manifests", "K8sManifests", null, StepClass.WORKSPACE, TaskQueues.GOLDEN_PATH);
    add(
        "paved:grafana:dashboard",
        "GrafanaDashboard",
        "UndoGrafanaDashboard",
        StepClass.EXTERNAL,
        TaskQueues.GOLDEN_PATH);
    add(
        "paved:vault:secrets",
        "VaultSecrets",
        "UndoVaultSecrets",
        StepClass.EXTERNAL,
        TaskQueues.GOLDEN_PATH);
    add("paved:terraform:stack", "TerraformStack", null, StepClass.SYNTH, TaskQueues.GOLDEN_PATH);
    add("paved:approval", null, null, StepClass.WAIT, TaskQueues.GOLDEN_PATH);
    add(
        "catalog:register",
        "CatalogRegister",
        "UndoCatalogRegister",
        StepClass.EXTERNAL,
        TaskQueues.API);
  }

  private LegacyActionCatalog() {}

  private static void add(
      String id, String type, String undoType, StepClass stepClass, String taskQueue) {
    ACTIONS.put(id, new ActionSpec(id, type, undoType, stepClass, taskQueue, null, null));
  }

  /** The spec of a step recorded without one. */
  public static Optional<ActionSpec> find(String actionId) {
    return Optional.ofNullable(ACTIONS.get(actionId));
  }
}
