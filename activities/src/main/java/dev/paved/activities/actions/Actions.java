package dev.paved.activities.actions;

import dev.paved.activities.actions.approval.ApprovalAction;
import dev.paved.activities.actions.catalog.write.CatalogWriteAction;
import dev.paved.activities.actions.debug.log.DebugLogAction;
import dev.paved.activities.actions.debug.wait.DebugWaitAction;
import dev.paved.activities.actions.fetch.plain.FetchPlainAction;
import dev.paved.activities.actions.fetch.plain.file.FetchPlainFileAction;
import dev.paved.activities.actions.fetch.template.FetchTemplateAction;
import dev.paved.activities.actions.fetch.template.file.FetchTemplateFileAction;
import dev.paved.activities.actions.fs.delete.FsDeleteAction;
import dev.paved.activities.actions.fs.rename.FsRenameAction;
import dev.paved.activities.actions.grafana.dashboard.GrafanaDashboardAction;
import dev.paved.activities.actions.k8s.manifests.K8sManifestsAction;
import dev.paved.activities.actions.publish.github.PublishGithubAction;
import dev.paved.activities.actions.publish.github.pullrequest.PublishGithubPullRequestAction;
import dev.paved.activities.actions.terraform.stack.TerraformStackAction;
import dev.paved.activities.actions.vault.secrets.VaultSecretsAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every action a golden-path worker runs: one line per action. The API adds the actions that run on
 * its own queue ({@code catalog:register}).
 */
public final class Actions {

  /** In the order the actions reference lists them. */
  public static final List<ActionDeclaration> ALL =
      List.of(
          new FetchTemplateAction(),
          new FetchTemplateFileAction(),
          new FetchPlainAction(),
          new FetchPlainFileAction(),
          new FsRenameAction(),
          new FsDeleteAction(),
          new CatalogWriteAction(),
          new PublishGithubAction(),
          new PublishGithubPullRequestAction(),
          new K8sManifestsAction(),
          new GrafanaDashboardAction(),
          new VaultSecretsAction(),
          new TerraformStackAction(),
          new DebugLogAction(),
          new DebugWaitAction(),
          new ApprovalAction());

  private Actions() {}

  /**
   * The activity implementations a golden-path worker registers for {@code actions}, one per class
   * (several actions share one: the fetch actions, for example).
   */
  public static List<Object> implementations(
      List<ActionDeclaration> actions, ActionContext context) {
    Map<Class<?>, Object> byClass = new LinkedHashMap<>();
    for (ActionDeclaration action : actions) {
      Object activities = action.activities(context);
      if (activities != null) {
        byClass.putIfAbsent(activities.getClass(), activities);
      }
    }
    return new ArrayList<>(byClass.values());
  }
}
