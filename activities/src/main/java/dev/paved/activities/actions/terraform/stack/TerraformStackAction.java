package dev.paved.activities.actions.terraform.stack;

import static dev.paved.activities.support.PlannedStep.resource;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paved.activities.actions.Action;
import dev.paved.activities.actions.ActionContext;
import dev.paved.activities.actions.PreviewContext;
import dev.paved.activities.infrastructure.InfrastructureActivitiesImpl;
import dev.paved.activities.support.PlannedStep;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.StepClass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * {@code paved:terraform:stack}: synthesizes the service's infrastructure stack (Terraform CDK) to
 * <targetPath>/cdk.tf.json: the Kubernetes namespace with a resource quota, and with database a
 * PostgreSQL database and role.
 */
public final class TerraformStackAction extends Action {

  public TerraformStackAction() {
    super(
        "paved:terraform:stack",
        "Synthesizes the service's infrastructure stack (Terraform CDK) to <targetPath>/cdk.tf.json: the Kubernetes namespace with a resource quota, and with database a PostgreSQL database and role.",
        "TerraformStack",
        StepClass.SYNTH);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Object activities(ActionContext context) {
    return new InfrastructureActivitiesImpl(context.synth(), context.workspaces());
  }

  @Override
  public PlannedStep preview(ActionRequest request, PreviewContext context) {
    Map<String, Object> output =
        new InfrastructureActivitiesImpl(context.providers().synth(), context.workspaces())
            .terraformStack(request)
            .output();
    Object stack;
    try {
      stack =
          JSON.readValue(
              context.read(request.runId(), String.valueOf(output.get("path"))), Object.class);
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
}
