package dev.paved.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a GitHub Actions workflow file for what GitHub requires before it runs anything: {@code
 * on} and {@code jobs}; each job {@code runs-on} and a non-empty {@code steps} list (or a reusable
 * workflow in {@code uses}); each step exactly one of {@code uses} or {@code run}; {@code needs}
 * naming jobs of the file.
 */
final class GitHubWorkflows {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private GitHubWorkflows() {}

  static List<String> problems(String yaml) throws IOException {
    List<String> problems = new ArrayList<>();
    JsonNode workflow = YAML.readTree(yaml);
    if (workflow == null || !workflow.isObject()) {
      return List.of("not a YAML mapping");
    }
    JsonNode on = workflow.get("on");
    if (on == null || on.isNull() || (on.isContainerNode() && on.isEmpty())) {
      problems.add("no 'on' triggers");
    }
    JsonNode jobs = workflow.path("jobs");
    if (!jobs.isObject() || jobs.isEmpty()) {
      problems.add("no 'jobs'");
      return problems;
    }
    for (Map.Entry<String, JsonNode> job : jobs.properties()) {
      String where = "job '" + job.getKey() + "'";
      JsonNode body = job.getValue();
      for (JsonNode need :
          body.path("needs").isArray() ? body.path("needs") : List.of(body.path("needs"))) {
        if (!need.isMissingNode() && !jobs.has(need.asText())) {
          problems.add(where + " needs unknown job '" + need.asText() + "'");
        }
      }
      if (body.has("uses")) {
        continue; // a call of a reusable workflow has neither runs-on nor steps
      }
      if (!body.hasNonNull("runs-on")) {
        problems.add(where + " has no 'runs-on'");
      }
      JsonNode steps = body.path("steps");
      if (!steps.isArray() || steps.isEmpty()) {
        problems.add(where + " has no 'steps'");
        continue;
      }
      for (int i = 0; i < steps.size(); i++) {
        JsonNode step = steps.get(i);
        boolean uses = step.hasNonNull("uses");
        boolean run = step.hasNonNull("run");
        if (uses == run) {
          problems.add(where + " step " + (i + 1) + " needs exactly one of 'uses' or 'run'");
        }
      }
    }
    return problems;
  }
}
