package dev.paved.activities.secrets;

import dev.paved.activities.support.Effects;
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
 * {@code paved:vault:secrets}: generates the service's secret values into its path, writes the read
 * policy its runtime will use and, when asked, the Kubernetes auth role that hands the policy to
 * the service's pods. Values are made here and go only to the store; the step's output (kept in
 * workflow history) names the path, the policy, the role and the key names.
 *
 * <p>Vault keeps no metadata on roles. A role counts as this service's when it grants exactly the
 * service's policy (whose name holds a hash of the secret path), and as made by a run when that
 * policy's marker names the run: the role and its policy are made in the same step.
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
    Effects.track();
    SecretRequest secret = SecretRequest.from(request, store.defaultMount());
    String path = secret.path();
    String policy = secret.policyName();
    // Check everything before writing anything, so a conflict leaves nothing half-made.
    Optional<SecretMetadata> existing = store.readMetadata(path);
    if (existing.isPresent() && !secret.serviceKey().equals(existing.get().serviceKey())) {
      throw StepFailures.conflict(
          "secret path " + path + " exists and was not made for " + secret.serviceKey());
    }
    Optional<String> existingPolicy = store.readPolicy(policy);
    if (!ownedOrAbsent(existingPolicy, secret.serviceKey())) {
      throw StepFailures.conflict(
          "policy " + policy + " exists and was not made for " + secret.serviceKey());
    }
    Optional<KubernetesRole> role = secret.kubernetesRole();
    if (role.isPresent()) {
      Optional<KubernetesRole> existingRole = store.readKubernetesRole(role.get().name());
      if (existingRole.isPresent() && !existingRole.get().grantsOnly(policy)) {
        throw StepFailures.conflict(
            "Kubernetes auth role "
                + role.get().name()
                + " exists and grants other policies than "
                + policy);
      }
    }
    List<String> missing =
        secret.keys().stream()
            .filter(key -> existing.map(m -> !m.keys().contains(key)).orElse(true))
            .toList();
    if (!missing.isEmpty()) {
      making(
          "vault secret " + path,
          () -> store.write(path, secret.serviceKey(), request.runId(), generate(missing)));
    }
    // An adopted policy keeps the run that made it, so only that run's undo deletes it.
    String madeBy = existingPolicy.flatMap(SecretPolicy::run).orElse(request.runId());
    making(
        "vault policy " + policy,
        () -> store.writePolicy(policy, SecretPolicy.hcl(secret, madeBy)));
    role.ifPresent(
        r -> making("vault kubernetes role " + r.name(), () -> store.writeKubernetesRole(r)));
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
    role.ifPresent(r -> output.put("kubernetesRole", r.name()));
    return ActionResult.of(output);
  }

  /**
   * Writes {@code what}, reported first as intended and then as made; a failure the store marks
   * {@link NothingMade} (a 4xx or a 503 to the making call) made nothing, while any other (no
   * answer, a reset, another 5xx) may have.
   */
  private static void making(String what, Runnable write) {
    Effects.intend(what);
    try {
      write.run();
    } catch (RuntimeException failure) {
      if (NothingMade.in(failure)) {
        Effects.notMade(what);
      }
      throw failure;
    }
    Effects.made(what);
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
                SecretPolicy.hcl(secret, request.runId()))));
  }

  /** Deletes the role, the secret path and the policy, each only if this run made it. */
  @Override
  public void undoVaultSecrets(ActionRequest request) {
    SecretRequest secret;
    try {
      secret = SecretRequest.from(request, store.defaultMount());
    } catch (ApplicationFailure badInput) {
      // The step refused this input before making anything: nothing to undo.
      return;
    }
    String policy = secret.policyName();
    Optional<String> hcl = store.readPolicy(policy);
    boolean policyOfThisRun =
        hcl.isPresent()
            && ownedOrAbsent(hcl, secret.serviceKey())
            && SecretPolicy.run(hcl.get()).equals(Optional.of(request.runId()));
    // The role goes first: whether this run made it is read from the policy's marker.
    if (policyOfThisRun && secret.kubernetesRole().isPresent()) {
      String role = secret.kubernetesRole().get().name();
      if (store.readKubernetesRole(role).map(r -> r.grantsOnly(policy)).orElse(false)) {
        store.deleteKubernetesRole(role);
        log.info("Deleted Kubernetes auth role {} of {}", role, secret.serviceKey());
      }
    }
    String path = secret.path();
    if (store
        .readMetadata(path)
        .map(m -> secret.serviceKey().equals(m.serviceKey()) && request.runId().equals(m.runId()))
        .orElse(false)) {
      store.delete(path);
      log.info("Deleted secret path {} of {}", path, secret.serviceKey());
    }
    if (policyOfThisRun) {
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
