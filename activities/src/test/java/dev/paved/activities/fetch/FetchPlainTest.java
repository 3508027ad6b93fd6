package dev.paved.activities.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.activities.render.TemplateRenderer;
import dev.paved.activities.support.Workspaces;
import dev.paved.workflows.steps.ActionRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FetchPlainTest {

  @TempDir Path dir;

  @Test
  void copiesFilesAsTheyAre() throws IOException {
    Path template = Files.createDirectories(dir.resolve("template"));
    Path file = template.resolve("static/${{ values.name }}/a.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "${{ values.name }}");
    Workspaces workspaces = new Workspaces(dir.resolve("ws"));
    FetchActivitiesImpl fetch = new FetchActivitiesImpl(workspaces, new TemplateRenderer());
    ActionRequest request =
        new ActionRequest(
            "run-2",
            "team/svc",
            "plain",
            "fetch:plain",
            Map.of("url", "static", "targetPath", "out"),
            template.toString(),
            "bob");

    fetch.fetchPlain(request);
    fetch.fetchPlain(request);

    assertThat(workspaces.forRun("run-2").resolve("out/${{ values.name }}/a.txt"))
        .hasContent("${{ values.name }}");
    assertThatThrownBy(
            () ->
                fetch.fetchPlain(
                    new ActionRequest(
                        "run-2", "t/s", "p", "fetch:plain", Map.of(), template.toString(), "b")))
        .hasMessageContaining("input 'url' is required");
  }
}
