package dev.paved.activities.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.activities.render.TemplateRenderer;
import dev.paved.activities.support.Workspaces;
import dev.paved.workflows.steps.ActionRequest;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fetch:template:file} and {@code fetch:plain:file}: one file next to the template. */
class FetchFileTest {

  @TempDir Path dir;
  private Path template;
  private Path workspace;
  private FetchActivitiesImpl fetch;

  @BeforeEach
  void setUp() throws IOException {
    template = Files.createDirectories(dir.resolve("templates/service"));
    Files.createDirectories(template.resolve("files"));
    Files.writeString(
        template.resolve("files/ci.yaml.njk"),
        "name: ${{ values.name }}\n{% if values.db %}db: true\n{% endif %}sha: {{ github.sha }}\n");
    Workspaces workspaces = new Workspaces(dir.resolve("workspaces"));
    workspace = workspaces.forRun("run-1");
    fetch = new FetchActivitiesImpl(workspaces, new TemplateRenderer());
  }

  private static ActionRequest request(String action, Object... input) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < input.length; i += 2) {
      values.put((String) input[i], input[i + 1]);
    }
    return new ActionRequest("run-1", "team/x", "f", action, values, "unused", "alice");
  }

  private ActionRequest at(ActionRequest request) {
    return new ActionRequest(
        request.runId(),
        request.serviceKey(),
        request.stepId(),
        request.action(),
        request.input(),
        template.toString(),
        request.requestedBy());
  }

  @Test
  void templateFileRendersOneFileToItsTargetPath() throws IOException {
    fetch.fetchTemplateFile(
        at(
            request(
                "fetch:template:file",
                "url",
                "./files/ci.yaml.njk",
                "targetPath",
                ".github/workflows/ci.yaml",
                "values",
                Map.of("name", "checkout", "db", true))));

    assertThat(workspace.resolve(".github/workflows/ci.yaml"))
        .hasContent("name: checkout\ndb: true\nsha: {{ github.sha }}");
  }

  @Test
  void anExistingTargetIsKeptUnlessReplace() throws IOException {
    Files.writeString(workspace.resolve("ci.yaml"), "mine");
    Object[] input = {"url", "files/ci.yaml.njk", "targetPath", "ci.yaml", "values", Map.of()};

    fetch.fetchTemplateFile(at(request("fetch:template:file", input)));
    assertThat(workspace.resolve("ci.yaml")).hasContent("mine");

    Object[] replacing = List.of(input).toArray(new Object[input.length + 2]);
    replacing[input.length] = "replace";
    replacing[input.length + 1] = true;
    fetch.fetchTemplateFile(at(request("fetch:template:file", replacing)));
    assertThat(workspace.resolve("ci.yaml")).content().startsWith("name: \n");
  }

  @Test
  void plainFileCopiesTheFileAsItIs() throws IOException {
    fetch.fetchPlainFile(
        at(request("fetch:plain:file", "url", "files/ci.yaml.njk", "targetPath", "raw.njk")));

    assertThat(workspace.resolve("raw.njk"))
        .hasSameTextualContentAs(template.resolve("files/ci.yaml.njk"));
  }

  @Test
  void refusesAFileOutsideTheTemplateOrATargetOutsideTheWorkspace() throws IOException {
    Files.writeString(dir.resolve("templates/secret.txt"), "not this template's");
    for (Object[] bad :
        new Object[][] {
          {"url", "../secret.txt", "targetPath", "a"},
          {"url", "/etc/passwd", "targetPath", "a"},
          {"url", "./files", "targetPath", "a"},
          {"url", "files/ci.yaml.njk", "targetPath", "../escaped"},
          {"url", "files/ci.yaml.njk", "targetPath", "."},
          {"url", "files/ci.yaml.njk"}
        }) {
      assertThatThrownBy(() -> fetch.fetchPlainFile(at(request("fetch:plain:file", bad))))
          .as(List.of(bad).toString())
          .isInstanceOfSatisfying(
              ApplicationFailure.class, f -> assertThat(f.getType()).isEqualTo("InvalidInput"));
    }
    assertThat(dir.resolve("workspaces/escaped")).doesNotExist();
    assertThat(workspace.resolve("a")).doesNotExist();
  }
}
