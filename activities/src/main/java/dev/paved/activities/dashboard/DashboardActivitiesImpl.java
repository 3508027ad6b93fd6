package dev.paved.activities.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paved.activities.support.Effects;
import dev.paved.activities.support.Inputs;
import dev.paved.activities.support.PlannedStep;
import dev.paved.activities.support.StepFailures;
import dev.paved.workflows.actions.DashboardActivities;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import dev.paved.workflows.steps.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code paved:grafana:dashboard}: the service's dashboard under a uid stable across runs. */
public final class DashboardActivitiesImpl implements DashboardActivities {

  static final String ACTION = "paved:grafana:dashboard";

  // Names reach a file name and a PromQL string: no separators, quotes or backslashes.
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private static final Logger log = LoggerFactory.getLogger(DashboardActivitiesImpl.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DashboardProvider provider;

  public DashboardActivitiesImpl(DashboardProvider provider) {
    this.provider = provider;
  }

  /** Makes or replaces the service's dashboard. */
  @Override
  public ActionResult grafanaDashboard(ActionRequest request) {
    Effects.track();
    PublishedDashboard published = provider.publish(dashboard(request));
    log.info(
        "Dashboard {} for {} at {}",
        published.uid(),
        request.serviceKey(),
        published.url() != null ? published.url() : published.path());
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("uid", published.uid());
    output.put("path", published.path());
    output.put("title", published.title());
    if (published.url() != null) {
      output.put("url", published.url());
    }
    return ActionResult.of(output);
  }

  /** The dashboard the step would make, as Grafana's JSON model; nothing is published. */
  public PlannedStep plan(ActionRequest request) {
    DashboardRequest dashboard = dashboard(request);
    String path = dashboard.targetPath() + "/" + dashboard.name() + ".json";
    return new PlannedStep(
        Map.of("uid", dashboard.uid(), "path", path, "title", dashboard.title()),
        List.of(
            PlannedStep.resource(
                "dashboard",
                "uid",
                dashboard.uid(),
                "title",
                dashboard.title(),
                "path",
                path,
                "json",
                JSON.convertValue(dashboard.dashboard(), Map.class))));
  }

  /** Deletes the dashboard made for this service, if there is one. */
  @Override
  public void undoGrafanaDashboard(ActionRequest request) {
    try {
      provider.delete(dashboard(request));
    } catch (ApplicationFailure failure) {
      if (!FailureTypes.INVALID_INPUT.equals(failure.getType())) {
        throw failure;
      }
      // The step refused the same input, so it made nothing.
    }
  }

  private static DashboardRequest dashboard(ActionRequest request) {
    Inputs in = Inputs.of(ACTION, request.input());
    String name = in.requiredString("name");
    String owner = in.requiredString("owner");
    if (!NAME.matcher(name).matches() || name.contains("..")) {
      throw StepFailures.invalidInput(
          ACTION + ": name must be letters, digits, '.', '_' or '-': " + name);
    }
    StepFailures.requireServiceKey(ACTION, request);
    String title = in.string("title", name);
    String uid = ServiceDashboard.uid(owner, name);
    return new DashboardRequest(
        request.runId(),
        request.serviceKey(),
        owner,
        name,
        uid,
        title,
        in.string("targetPath", "gitops/dashboards"),
        ServiceDashboard.build(
            name, owner, title, uid, in.string("datasource", null), request.serviceKey()));
  }
}
