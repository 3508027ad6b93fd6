package dev.paved.activities.secrets;

import dev.paved.activities.support.PlannedStep;
import dev.paved.activities.support.StepFailures;
import dev.paved.workflows.actions.SecretActivities;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import io.temporal.failure.ApplicationFailure;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code paved:vault:secrets}: generates the service's secret values into its path and writes the
 * read policy its runtime will use. Values are made here and go only to the store; the step's
 * output (kept in workflow history) names the path, the policy and the key names.
 */
public final class SecretActivitiesImpl implements SecretActivities {

  private static final Logger log = LoggerFactory.getLogger(SecretActivitiesImpl.class);
  private static final int VALUE_BYTES = 32;

  private final SecretStore store;
  private final SecureRandom random = new SecureRandom();

  public SecretActivitiesImpl(SecretStore store) {
    this.store = store;
  }

  /** Creates the secret path (adding only missing keys when it is this service's) and policy. */
  @Override
  public ActionResult vaultSecrets(ActionRequest request) {
    SecretRequest secret = SecretRequest.from(request);
    String path = secret.path();
    String policy = secret.policyName();
    // Check both before writing either, so a conflict leaves nothing half-made.
    Optional<SecretMetadata> existing = store.readMetadata(path);
    if (existing.isPresent() && !secret.serviceKey().equals(existing.get().serviceKey())) {
      throw StepFailures.conflict(
          "secret path " + path + " exists and was not made for " + secret.serviceKey());
    }
    if (!ownedOrAbsent(store.readPolicy(policy), secret.serviceKey())) {
      throw StepFailures.conflict(
          "policy " + policy + " exists and was not made for " + secret.serviceKey());
    }
    List<String> missing =
        secret.keys().stream()
            .filter(key -> existing.map(m -> !m.keys().contains(key)).orElse(true))
            .toList();
    if (!missing.isEmpty()) {
      store.write(path, secret.serviceKey(), generate(missing));
    }
    store.writePolicy(policy, SecretPolicy.hcl(secret));
    log.info(
        "Secret path {} ready for {}: generated {}, kept {}",
        path,
        secret.serviceKey(),
        missing,
        secret.keys().stream().filter(key -> !missing.contains(key)).toList());
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("path", path);
    output.put("policy", policy);
    output.put("keys", List.copyOf(secret.keys()));
    return ActionResult.of(output);
  }

  /**
   * The secret path, key names and read policy the step would make; no value is generated and the
   * store is not touched.
   */
  public PlannedStep plan(ActionRequest request) {
    SecretRequest secret = SecretRequest.from(request);
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("path", secret.path());
    output.put("policy", secret.policyName());
    output.put("keys", List.copyOf(secret.keys()));
    return new PlannedStep(
        output,
        List.of(
            PlannedStep.resource(
                "secret-path",
                "path",
                secret.path(),
                "keys",
                List.copyOf(secret.keys()),
                "policy",
                secret.policyName(),
                "policyHcl",
                SecretPolicy.hcl(secret))));
  }

  /** Deletes the secret path and the policy, each only if this service made it. */
  @Override
  public void undoVaultSecrets(ActionRequest request) {
    SecretRequest secret;
    try {
      secret = SecretRequest.from(request);
    } catch (ApplicationFailure badInput) {
      // The step refused this input before making anything: nothing to undo.
      return;
    }
    String path = secret.path();
    if (store
        .readMetadata(path)
        .map(m -> secret.serviceKey().equals(m.serviceKey()))
        .orElse(false)) {
      store.delete(path);
      log.info("Deleted secret path {} of {}", path, secret.serviceKey());
    }
    String policy = secret.policyName();
    Optional<String> hcl = store.readPolicy(policy);
    if (hcl.isPresent() && ownedOrAbsent(hcl, secret.serviceKey())) {
      store.deletePolicy(policy);
      log.info("Deleted policy {} of {}", policy, secret.serviceKey());
    }
  }

  private static boolean ownedOrAbsent(Optional<String> hcl, String serviceKey) {
    return hcl.isEmpty() || SecretPolicy.owner(hcl.get()).map(serviceKey::equals).orElse(false);
  }

  private SecretValues generate(List<String> keys) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String key : keys) {
      byte[] bytes = new byte[VALUE_BYTES];
      random.nextBytes(bytes);
      values.put(key, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
    return SecretValues.of(values);
  }
}
