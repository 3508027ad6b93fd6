package dev.paved.activities.actions.vault.secrets;

import dev.paved.activities.actions.Action;
import dev.paved.activities.actions.ActionContext;
import dev.paved.activities.actions.PreviewContext;
import dev.paved.activities.secrets.SecretActivitiesImpl;
import dev.paved.activities.support.PlannedStep;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.StepClass;

/**
 * {@code paved:vault:secrets}: generates the service's secret values into
 * <mount>/<owner>/<name>/<environment> and writes the read policy its runtime gets; values never
 * enter the run's history, output or logs. Undo: deletes the role, the path and the policy, each if
 * this run made it.
 */
public final class VaultSecretsAction extends Action {

  public VaultSecretsAction() {
    super(
        "paved:vault:secrets",
        "Generates the service's secret values into <mount>/<owner>/<name>/<environment> and writes the read policy its runtime gets; values never enter the run's history, output or logs. Undo: deletes the role, the path and the policy, each if this run made it.",
        "VaultSecrets",
        StepClass.EXTERNAL);
  }

  @Override
  public String undoActivityType() {
    return "UndoVaultSecrets";
  }

  @Override
  public Object activities(ActionContext context) {
    return new SecretActivitiesImpl(context.secrets());
  }

  @Override
  public PlannedStep preview(ActionRequest request, PreviewContext context) {
    return new SecretActivitiesImpl(context.providers().secrets()).plan(request);
  }
}
