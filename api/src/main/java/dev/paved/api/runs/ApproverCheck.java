package dev.paved.api.runs;

import dev.paved.activities.render.RenderActivitiesImpl;
import dev.paved.activities.render.TemplateRenderer;
import dev.paved.api.Problems;
import dev.paved.api.catalog.CatalogDirectory;
import dev.paved.api.identity.UsersFileMembers;
import dev.paved.api.templates.LoadedTemplate;
import dev.paved.workflows.approval.ApprovalStepInput;
import dev.paved.workflows.steps.RenderRequest;
import dev.paved.workflows.steps.RenderedStep;
import dev.paved.workflows.steps.StepPlan;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Refuses, before a run starts, an approval step nobody could approve: its approver groups hold
 * fewer members other than the requester than its {@code minApprovals}. Members come from the
 * catalog's Group and User entities and, when users sign in from a users file, from that file (a
 * union). With an identity provider, whose groups cannot be listed, a step is judged only when the
 * catalog defines every one of its groups; otherwise its groups are taken on trust. Steps whose
 * {@code if} or input read earlier steps' outputs cannot be rendered before the run and are not
 * checked here.
 */
@Component
class ApproverCheck {

  private final RenderActivitiesImpl render;
  private final CatalogDirectory catalog;
  private final ObjectProvider<UsersFileMembers> usersFile;

  ApproverCheck(
      TemplateRenderer renderer,
      CatalogDirectory catalog,
      ObjectProvider<UsersFileMembers> usersFile) {
    this.render = new RenderActivitiesImpl(renderer);
    this.catalog = catalog;
    this.usersFile = usersFile;
  }

  /** 422 naming the step and its groups when one of the template's approvals cannot be given. */
  void check(LoadedTemplate template, Map<String, Object> values, String requester) {
    for (StepPlan step : template.plan().steps()) {
      if (!"paved:approval".equals(step.action()) || step.each() != null || readsSteps(step)) {
        continue;
      }
      approval(step, values, requester).ifPresent(input -> check(step, input, requester));
    }
  }

  private void check(StepPlan step, ApprovalStepInput input, String requester) {
    Set<String> others = new TreeSet<>();
    boolean known = true;
    UsersFileMembers file = usersFile.getIfAvailable();
    for (String group : input.approvers()) {
      others.addAll(catalog.membersOf(group));
      known &= file != null || catalog.defines(group);
      if (file != null) {
        others.addAll(file.membersOf(group));
      }
    }
    others.remove(requester);
    if (!known || others.size() >= input.minApprovals()) {
      return;
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("step", step.id());
    properties.put("approvers", input.approvers());
    properties.put("minApprovals", input.minApprovals());
    properties.put("otherMembers", others);
    throw Problems.problem(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "no-approver",
        "No approver",
        "step '"
            + step.id()
            + "' needs "
            + input.minApprovals()
            + " approval(s) from members of "
            + String.join(", ", input.approvers())
            + ", but "
            + (others.isEmpty()
                ? "they have no member other than " + requester
                : "only " + String.join(", ", others) + " could approve")
            + ": nobody could approve it. Add members to the group in the catalog, or choose"
            + " another owner.",
        properties);
  }

  /**
   * The step's rendered input when its {@code if} holds; empty when it is skipped or unreadable.
   */
  private Optional<ApprovalStepInput> approval(
      StepPlan step, Map<String, Object> values, String requester) {
    try {
      RenderedStep rendered =
          render.renderStep(new RenderRequest(step, values, Map.of(), requester));
      return rendered.run()
          ? Optional.of(ApprovalStepInput.parse(rendered.input(), step.id()))
          : Optional.empty();
    } catch (RuntimeException unreadable) {
      return Optional.empty(); // the step itself refuses it when the run reaches it
    }
  }

  private static boolean readsSteps(StepPlan step) {
    return String.valueOf(step.input()).contains("steps.")
        || String.valueOf(step.input()).contains("steps[")
        || (step.ifCondition() != null
            && (step.ifCondition().contains("steps.") || step.ifCondition().contains("steps[")));
  }
}
