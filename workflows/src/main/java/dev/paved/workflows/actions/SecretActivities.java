package dev.paved.workflows.actions;

import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import io.temporal.activity.ActivityInterface;

/** The service's secret path and read policy ({@code paved:vault:secrets}). */
@ActivityInterface
public interface SecretActivities {

  /**
   * Generates and stores the secret values (kept if made for this service before); returns paths
   * only.
   */
  ActionResult vaultSecrets(ActionRequest request);

  /** Deletes the secret path and policy made for this service. */
  void undoVaultSecrets(ActionRequest request);
}
