package dev.paved.workflows.steps;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inputs each action reads, and the Backstage inputs Paved refuses with the reason. A template
 * is checked against this when it is loaded, so an input Paved would silently ignore (a typo, or a
 * Backstage option Paved does not implement) refuses the template instead of changing its meaning.
 */
public final class ActionInputs {

  private static final String NO_TOKEN =
      "credentials are Paved's own configuration, never a template's";
  private static final String NO_COOKIECUTTER =
      "cookiecutter templates ({{ }} expressions) are not supported: use ${{ values.x }}";

  private static final Map<String, List<String>> READS = new LinkedHashMap<>();
  private static final Map<String, Map<String, String>> REFUSED = new LinkedHashMap<>();

  static {
    List<String> fetchTemplate =
        List.of(
            "url",
            "targetPath",
            "values",
            "copyWithoutTemplating",
            "copyWithoutRender",
            "templateFileExtension",
            "replace",
            "trimBlocks",
            "lstripBlocks");
    Map<String, String> templating =
        Map.of("token", NO_TOKEN, "cookiecutterCompat", NO_COOKIECUTTER);
    reads("fetch:template", fetchTemplate, templating);
    reads("fetch:plain", List.of("url", "targetPath", "replace"), Map.of("token", NO_TOKEN));
    reads(
        "fetch:template:file",
        List.of("url", "targetPath", "values", "replace", "trimBlocks", "lstripBlocks"),
        templating);
    reads("fetch:plain:file", List.of("url", "targetPath", "replace"), Map.of("token", NO_TOKEN));
    reads("fs:delete", List.of("files"), Map.of());
    reads("fs:rename", List.of("files"), Map.of());
    reads("catalog:write", List.of("filePath", "entity"), Map.of());
    reads("debug:log", List.of("message", "listWorkspace", "extra"), Map.of());
    reads("debug:wait", List.of("minutes", "seconds", "milliseconds"), Map.of());
    reads(
        "publish:github",
        List.of(
            "repoUrl",
            "allowedHosts",
            "description",
            "defaultBranch",
            "sourcePath",
            "gitCommitMessage",
            "gitAuthorName",
            "gitAuthorEmail",
            "repoVisibility",
            "topics",
            "access",
            "protectDefaultBranch",
            "protectEnforceAdmins",
            "requiredApprovingReviewCount",
            "requireCodeOwnerReviews",
            "dismissStaleReviews",
            "requireBranchesToBeUpToDate",
            "requiredStatusCheckContexts"),
        Map.of("token", NO_TOKEN));
    reads(
        "publish:github:pull-request",
        List.of("repoUrl", "branchName", "title", "description", "sourcePath", "targetPath"),
        Map.of("token", NO_TOKEN));
    reads(
        "paved:k8s:manifests",
        List.of(
            "name",
            "owner",
            "image",
            "namespace",
            "environment",
            "port",
            "replicas",
            "host",
            "livenessPath",
            "readinessPath",
            "cpuRequest",
            "memoryRequest",
            "cpuLimit",
            "memoryLimit",
            "env",
            "otlpEndpoint",
            "ingressClassName",
            "ingressNamespace",
            "monitoringNamespace",
            "writablePaths",
            "podAnnotations",
            "serviceAccountTokenAudience",
            "targetPath"),
        Map.of());
    reads(
        "paved:grafana:dashboard",
        List.of("name", "owner", "title", "datasource", "targetPath"),
        Map.of());
    reads(
        "paved:vault:secrets",
        List.of(
            "name",
            "owner",
            "environment",
            "secrets",
            "mount",
            "kubernetesRole",
            "serviceAccount",
            "namespace",
            "tokenTtl"),
        Map.of());
    reads(
        "paved:terraform:stack",
        List.of("name", "owner", "environment", "database", "secretPath", "targetPath"),
        Map.of());
    reads("paved:approval", List.of("approvers", "minApprovals", "timeout", "message"), Map.of());
    reads(
        "catalog:register",
        List.of("repoContentsUrl", "catalogInfoPath", "catalogInfoUrl"),
        Map.of(
            "optional",
            "a registration that may fail is not supported: Paved registers or fails the step"));
  }

  private ActionInputs() {}

  private static void reads(String action, List<String> inputs, Map<String, String> refused) {
    READS.put(action, List.copyOf(inputs));
    REFUSED.put(action, Map.copyOf(refused));
  }

  /** The inputs the action reads, in the order its documentation lists them. */
  public static List<String> of(String action) {
    return READS.getOrDefault(action, List.of());
  }

  /**
   * Why Paved refuses {@code input} on {@code action}, or empty when the action reads it. An input
   * neither read nor known to Backstage is refused as unknown.
   */
  public static Optional<String> refusal(String action, String input) {
    if (of(action).contains(input)) {
      return Optional.empty();
    }
    String reason = REFUSED.getOrDefault(action, Map.of()).get(input);
    return Optional.of(
        reason != null
            ? "input '" + input + "' is not supported: " + reason
            : "input '"
                + input
                + "' is not one Paved's "
                + action
                + " reads (it reads "
                + String.join(", ", of(action))
                + ")");
  }
}
