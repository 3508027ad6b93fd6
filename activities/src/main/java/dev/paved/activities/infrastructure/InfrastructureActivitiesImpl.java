package dev.paved.activities.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paved.activities.support.Inputs;
import dev.paved.activities.support.StepFailures;
import dev.paved.activities.support.Workspaces;
import dev.paved.terraform.InfrastructureSynth;
import dev.paved.terraform.ServiceStack;
import dev.paved.terraform.SynthResult;
import dev.paved.workflows.actions.InfrastructureActivities;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code paved:terraform:stack}: the service's infrastructure stack as {@code cdk.tf.json}. */
public final class InfrastructureActivitiesImpl implements InfrastructureActivities {

  static final String ACTION = "paved:terraform:stack";
  static final String STACK_FILE = "cdk.tf.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final InfrastructureSynth synth;
  private final Workspaces workspaces;

  public InfrastructureActivitiesImpl(InfrastructureSynth synth, Workspaces workspaces) {
    this.synth = synth;
    this.workspaces = workspaces;
  }

  /** Synthesizes the stack into {@code <targetPath>/cdk.tf.json} in the run's workspace. */
  @Override
  public ActionResult terraformStack(ActionRequest request) {
    Inputs inputs = Inputs.of(ACTION, request.input());
    ServiceStack spec = stack(inputs);
    Path workspace = workspaces.forRun(request.runId());
    String targetPath = inputs.string("targetPath", "gitops/infra/" + spec.name());
    Path outputDir = Workspaces.inside(workspace, targetPath);
    refuseForeignStack(outputDir.resolve(STACK_FILE), spec);

    SynthResult result;
    try {
      result = synth.synth(spec, outputDir);
    } catch (IllegalArgumentException e) {
      throw StepFailures.invalidInput(ACTION + ": " + e.getMessage());
    } catch (RuntimeException e) {
      // The engine itself failed (node missing, disk full): may heal, so let the policy retry.
      throw StepFailures.unavailable(ACTION + ": synth failed: " + e.getMessage(), e);
    }
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("path", relative(workspace, result.stackFile()));
    output.put("resources", List.copyOf(result.resources()));
    return ActionResult.of(output);
  }

  private static ServiceStack stack(Inputs inputs) {
    String name = inputs.requiredString("name");
    String owner = inputs.requiredString("owner");
    String environment = inputs.string("environment", "development");
    boolean database = inputs.bool("database", false);
    String secretPath = inputs.string("secretPath", null);
    try {
      return new ServiceStack(name, owner, environment, database, secretPath);
    } catch (IllegalArgumentException e) {
      throw StepFailures.invalidInput(ACTION + ": " + e.getMessage());
    }
  }

  /** An earlier stack of this service is adopted (replaced); anything else is left alone. */
  private static void refuseForeignStack(Path stackFile, ServiceStack spec) {
    if (!Files.exists(stackFile)) {
      return;
    }
    List<String> marks;
    try {
      JsonNode existing = JSON.readTree(stackFile.toFile());
      marks =
          existing.findValues(ServiceStack.SERVICE_KEY_ANNOTATION).stream()
              .map(JsonNode::asText)
              .toList();
    } catch (IOException e) {
      marks = List.of();
    }
    if (marks.isEmpty() || !marks.stream().allMatch(spec.serviceKey()::equals)) {
      throw conflict(stackFile, spec);
    }
  }

  private static ApplicationFailure conflict(Path stackFile, ServiceStack spec) {
    return StepFailures.conflict(
        ACTION
            + ": "
            + stackFile.getFileName()
            + " already exists in the target folder and was not made for "
            + spec.serviceKey());
  }

  private static String relative(Path workspace, Path file) {
    return workspace.relativize(file).toString().replace('\\', '/');
  }
}
