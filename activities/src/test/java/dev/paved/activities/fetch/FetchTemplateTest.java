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
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FetchTemplateTest {

  @TempDir Path dir;
  private Path template;
  private Path workspace;
  private FetchActivitiesImpl fetch;

  @BeforeEach
  void setUp() throws IOException {
    template = Files.createDirectories(dir.resolve("templates/service"));
    Workspaces workspaces = new Workspaces(dir.resolve("workspaces"));
    workspace = workspaces.forRun("run-1");
    fetch = new FetchActivitiesImpl(workspaces, new TemplateRenderer());
  }

  private Path skeleton(String file, String content) throws IOException {
    Path path = template.resolve("skeleton").resolve(file);
    Files.createDirectories(path.getParent());
    return Files.writeString(path, content);
  }

  private ActionRequest request(Map<String, Object> input) {
    return new ActionRequest(
        "run-1", "team/checkout", "fetch", "fetch:template", input, template.toString(), "alice");
  }

  private Map<String, Object> input(Object... extra) {
    Map<String, Object> input = new java.util.LinkedHashMap<>();
    input.put("url", "./skeleton");
    input.put("values", Map.of("name", "checkout", "owner", "team", "db", false));
    for (int i = 0; i < extra.length; i += 2) {
      input.put((String) extra[i], extra[i + 1]);
    }
    return input;
  }

  @Test
  void rendersContentsAndPathsIntoTheTargetPath() throws IOException {
    skeleton(
        "README.md", "# ${{ values.name }}\nowner: ${{ values.owner }}\nci: {{ github.sha }}\n");
    skeleton("src/${{ values.name }}/App.java", "class App {}\n");

    fetch.fetchTemplate(request(input("targetPath", "repo")));

    assertThat(workspace.resolve("repo/README.md"))
        .hasContent("# checkout\nowner: team\nci: {{ github.sha }}\n");
    assertThat(workspace.resolve("repo/src/checkout/App.java")).hasContent("class App {}\n");
  }

  @Test
  void blocksAndWhitespaceControlWorkInFiles() throws IOException {
    skeleton(
        "app.yaml",
        "name: ${{ values.name }}\n{%- if values.db %}\ndatabase: true\n{%- endif %}\n"
            + "tags:\n{%- for t in values.tags %}\n  - ${{ t }}\n{%- endfor %}\n");

    fetch.fetchTemplate(
        request(input("values", Map.of("name", "a", "db", true, "tags", List.of("x", "y")))));

    assertThat(workspace.resolve("app.yaml"))
        .hasContent("name: a\ndatabase: true\ntags:\n  - x\n  - y\n");
  }

  @Test
  void trimBlocksAndLstripBlocksTreatWhitespaceAsNunjucksDoes() throws IOException {
    String file = "a\n  {% if values.db %}\n  db\n  {% endif %}\nb\n";
    skeleton("kept.txt", file);

    fetch.fetchTemplate(request(input("values", Map.of("db", true))));
    assertThat(Files.readString(workspace.resolve("kept.txt"))).isEqualTo("a\n  \n  db\n  \nb\n");

    fetch.fetchTemplate(
        request(
            input(
                "targetPath",
                "both",
                "values",
                Map.of("db", true),
                "trimBlocks",
                true,
                "lstripBlocks",
                true)));
    assertThat(Files.readString(workspace.resolve("both/kept.txt"))).isEqualTo("a\n  db\nb\n");
    fetch.fetchTemplate(
        request(input("targetPath", "trim", "values", Map.of("db", true), "trimBlocks", true)));
    assertThat(Files.readString(workspace.resolve("trim/kept.txt"))).isEqualTo("a\n    db\n  b\n");
  }

  @Test
  void aPathRenderedEmptySkipsTheFile() throws IOException {
    skeleton("{% if values.db %}schema.sql{% endif %}", "create table t();\n");
    skeleton("{% if values.db %}db{% endif %}/init.sql", "x\n");

    fetch.fetchTemplate(request(input()));

    try (var files = Files.list(workspace)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void binaryFilesAreCopiedAsTheyAreAndExecutableBitIsKept() throws IOException {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, '$', '{', '{', ' ', 'x', ' ', '}', '}'};
    Path logo = template.resolve("skeleton/logo.png");
    Files.createDirectories(logo.getParent());
    Files.write(logo, png);
    Path script = skeleton("gradlew", "#!/bin/sh\necho ${{ values.name }}\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));

    fetch.fetchTemplate(request(input()));

    assertThat(workspace.resolve("logo.png")).hasBinaryContent(png);
    assertThat(workspace.resolve("gradlew")).hasContent("#!/bin/sh\necho checkout\n");
    assertThat(Files.isExecutable(workspace.resolve("gradlew"))).isTrue();
    assertThat(Files.isExecutable(workspace.resolve("logo.png"))).isFalse();
  }

  @Test
  void anExistingFileIsKeptUnlessReplaceAsInBackstage() throws IOException {
    skeleton("a.txt", "${{ values.name }}\n");
    fetch.fetchTemplate(request(input()));
    Files.writeString(workspace.resolve("a.txt"), "written by an earlier step");

    fetch.fetchTemplate(request(input()));
    assertThat(workspace.resolve("a.txt")).hasContent("written by an earlier step");

    fetch.fetchTemplate(request(input("replace", true)));
    assertThat(workspace.resolve("a.txt")).hasContent("checkout\n");
    try (var files = Files.list(workspace)) {
      assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("a.txt");
    }
  }

  @Test
  void copyWithoutRenderKeepsTheNameAndTheContentsOfMatchingFiles() throws IOException {
    skeleton("raw/${{ values.name }}.txt", "${{ values.name }}\n");
    skeleton("${{ values.name }}.md", "${{ values.name }}\n");

    fetch.fetchTemplate(request(input("copyWithoutRender", List.of("raw/*"))));

    assertThat(workspace.resolve("raw/${{ values.name }}.txt")).hasContent("${{ values.name }}\n");
    assertThat(workspace.resolve("checkout.md")).hasContent("checkout\n");
    assertThatThrownBy(
            () ->
                fetch.fetchTemplate(
                    request(
                        input(
                            "copyWithoutRender",
                            List.of("a"),
                            "copyWithoutTemplating",
                            List.of("b")))))
        .hasMessageContaining("cannot be used together");
  }

  @Test
  void copyWithoutTemplatingCopiesMatchingFilesVerbatim() throws IOException {
    skeleton(".github/workflows/ci.yaml", "run: echo ${{ github.sha }}\n");
    skeleton("docs/${{ values.name }}.md", "${{ values.name }}\n");

    fetch.fetchTemplate(request(input("copyWithoutTemplating", List.of("./.github/workflows/*"))));

    assertThat(workspace.resolve(".github/workflows/ci.yaml"))
        .hasContent("run: echo ${{ github.sha }}\n");
    assertThat(workspace.resolve("docs/checkout.md")).hasContent("checkout\n");
  }

  @Test
  void templateFileExtensionRendersOnlyThoseFilesAndDropsTheExtension() throws IOException {
    skeleton("values.yaml.njk", "name: ${{ values.name }}\n");
    skeleton("raw.txt", "${{ values.name }}\n");

    fetch.fetchTemplate(request(input("templateFileExtension", true)));

    assertThat(workspace.resolve("values.yaml")).hasContent("name: checkout\n");
    assertThat(workspace.resolve("raw.txt")).hasContent("${{ values.name }}\n");
    assertThat(workspace.resolve("values.yaml.njk")).doesNotExist();
  }

  @Test
  void aSyntaxErrorNamesTheFile() throws IOException {
    skeleton("broken.txt", "{% if values.name %}never closed\n");

    assertThatThrownBy(() -> fetch.fetchTemplate(request(input())))
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("file 'broken.txt'")
        .extracting(e -> ((ApplicationFailure) e).getType())
        .isEqualTo("InvalidInput");
  }

  @Test
  void aRenderedPathThatLeavesTheWorkspaceIsRefused() throws IOException {
    skeleton("${{ values.name }}", "x\n");

    assertThatThrownBy(
            () -> fetch.fetchTemplate(request(input("values", Map.of("name", "../../evil")))))
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("leaves the workspace");
    assertThat(dir.resolve("evil")).doesNotExist();
    assertThatThrownBy(() -> fetch.fetchTemplate(request(input("targetPath", "../other"))))
        .hasMessageContaining("leaves the workspace");
  }

  @Test
  void urlMustStayInsideTheTemplateFolder() throws IOException {
    skeleton("a.txt", "a");
    Files.createDirectories(dir.resolve("templates/other"));

    for (String url : List.of("../other", "/etc", "file:///etc", "./missing")) {
      assertThatThrownBy(() -> fetch.fetchTemplate(request(input("url", url))))
          .as(url)
          .isInstanceOf(ApplicationFailure.class);
    }
    assertThatThrownBy(
            () -> fetch.fetchTemplate(request(input("url", "https://github.com/acme/skel"))))
        .hasMessageContaining("not supported yet");
  }

  @Test
  void symbolicLinksInTheSkeletonAreRefused() throws IOException {
    skeleton("a.txt", "a");
    Files.createSymbolicLink(template.resolve("skeleton/passwd"), Path.of("/etc/passwd"));

    assertThatThrownBy(() -> fetch.fetchTemplate(request(input())))
        .hasMessageContaining("symbolic links");
  }
}
