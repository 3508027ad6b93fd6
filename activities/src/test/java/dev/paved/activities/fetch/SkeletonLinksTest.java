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
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template author can put symbolic links in a skeleton; none of the fetch actions reads through
 * one to a file outside the template, whether the link is absolute, relative or a folder.
 */
class SkeletonLinksTest {

  private static final String SECRET = "operator-only-secret";

  @TempDir Path dir;
  private Path template;
  private Path workspace;
  private FetchActivitiesImpl fetch;

  @BeforeEach
  void setUp() throws IOException {
    template = Files.createDirectories(dir.resolve("templates/service"));
    Files.writeString(template.resolve("template.yaml"), "kind: Template\n");
    Files.createDirectories(template.resolve("skeleton"));
    Files.writeString(template.resolve("skeleton/README.md"), "# ${{ values.name }}\n");
    Files.writeString(dir.resolve("outside.txt"), SECRET);
    Workspaces workspaces = new Workspaces(dir.resolve("workspaces"));
    workspace = workspaces.forRun("run-1");
    fetch = new FetchActivitiesImpl(workspaces, new TemplateRenderer());
  }

  private ActionRequest request(String action, Object... input) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("values", Map.of("name", "checkout"));
    for (int i = 0; i < input.length; i += 2) {
      values.put((String) input[i], input[i + 1]);
    }
    return new ActionRequest(
        "run-1", "team/checkout", "fetch", action, values, template.toString(), "alice");
  }

  private void assertRefusedAndNothingRead(Runnable call) throws IOException {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ApplicationFailure.class, failure -> assertThat(failure.isNonRetryable()).isTrue());
    try (Stream<Path> files = Files.walk(workspace)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(file)).doesNotContain(SECRET);
      }
    }
  }

  @Test
  void anAbsoluteLinkToEtcPasswdIsRefusedByBothFetches() throws IOException {
    Files.createSymbolicLink(template.resolve("skeleton/passwd"), Path.of("/etc/passwd"));

    assertRefusedAndNothingRead(
        () -> fetch.fetchTemplate(request("fetch:template", "url", "./skeleton")));
    assertRefusedAndNothingRead(
        () -> fetch.fetchPlain(request("fetch:plain", "url", "./skeleton")));
    try (Stream<Path> files = Files.walk(workspace)) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty(); // refused before any write
    }
  }

  @Test
  void aRelativeLinkOutOfTheTemplateIsRefused() throws IOException {
    Files.createSymbolicLink(
        template.resolve("skeleton/notes.txt"), Path.of("../../../outside.txt"));

    assertRefusedAndNothingRead(
        () -> fetch.fetchTemplate(request("fetch:template", "url", "./skeleton")));
    assertRefusedAndNothingRead(
        () -> fetch.fetchPlain(request("fetch:plain", "url", "./skeleton")));
  }

  @Test
  void aLinkedFolderInsideTheSkeletonIsRefused() throws IOException {
    Files.createSymbolicLink(template.resolve("skeleton/etc"), dir);

    assertRefusedAndNothingRead(
        () -> fetch.fetchTemplate(request("fetch:template", "url", "./skeleton")));
  }

  @Test
  void aSkeletonOrFileThatIsItselfALinkOutIsRefused() throws IOException {
    Files.createSymbolicLink(template.resolve("linked-skeleton"), dir);
    Files.createSymbolicLink(template.resolve("linked-file"), dir.resolve("outside.txt"));

    assertRefusedAndNothingRead(
        () -> fetch.fetchTemplate(request("fetch:template", "url", "./linked-skeleton")));
    assertRefusedAndNothingRead(
        () -> fetch.fetchPlain(request("fetch:plain", "url", "./linked-skeleton")));
    assertRefusedAndNothingRead(
        () ->
            fetch.fetchTemplateFile(
                request("fetch:template:file", "url", "./linked-file", "targetPath", "n.txt")));
    assertRefusedAndNothingRead(
        () ->
            fetch.fetchPlainFile(
                request("fetch:plain:file", "url", "./linked-file", "targetPath", "n.txt")));
  }

  @Test
  void aLinkMadeAfterTheSkeletonWasListedIsNotFollowed() throws IOException {
    Path link =
        Files.createSymbolicLink(template.resolve("skeleton/late.txt"), dir.resolve("outside.txt"));

    assertRefusedAndNothingRead(
        () -> {
          try {
            SkeletonCopy.write(link, workspace, workspace, "late.txt", false, bytes -> bytes);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
    assertThat(workspace.resolve("late.txt")).doesNotExist();
  }
}
