package dev.paved.api.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Templates from a folder and a real git repository, reloaded on change, pinned by snapshot. */
class TemplateRegistryTest {

  @TempDir Path root;
  Path folder;
  Path data;
  Path work;
  String location;

  @BeforeEach
  void setUp() throws Exception {
    folder = Files.createDirectories(root.resolve("templates"));
    data = Files.createDirectories(root.resolve("data"));
    Path bare = root.resolve("golden-paths.git");
    Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
    work = root.resolve("work");
    try (Git git = Git.init().setInitialBranch("main").setDirectory(work.toFile()).call()) {
      git.remoteAdd().setName("origin").setUri(new URIish(bare.toUri().toString())).call();
    }
    location = "git+" + bare.toUri() + "#main:templates";
    writeTemplate(folder, "local", "one");
    writeTemplate(work.resolve("templates"), "from-git", "one");
    commit("first templates");
  }

  @Test
  void loadsFromTheFolderAndTheGitLocationAndRunsFromSnapshots() {
    TemplateRegistry registry = registry();

    assertThat(registry.all())
        .extracting(LoadedTemplate::name)
        .containsExactly("from-git", "local");
    assertThat(registry.refused()).isEmpty();
    LoadedTemplate fromGit = registry.find("from-git").orElseThrow();
    Path location = Path.of(fromGit.plan().location());
    assertThat(location).startsWith(data.resolve("template-versions").toAbsolutePath());
    assertThat(location.resolve("skeleton/VERSION.txt")).hasContent("one");
    assertThat(location.resolve("skeleton/run.sh")).isExecutable();
    assertThat(fromGit.version()).hasSize(12);
    assertThat(location.getFileName().toString()).startsWith(fromGit.version());
  }

  @Test
  void reloadingUnchangedContentKeepsTheSameSnapshot() throws Exception {
    TemplateRegistry registry = registry();
    String before = registry.find("local").orElseThrow().plan().location();
    registry.reload();
    assertThat(registry.find("local").orElseThrow().plan().location()).isEqualTo(before);
    try (var snapshots = Files.list(data.resolve("template-versions"))) {
      assertThat(snapshots.count()).isEqualTo(2);
    }
  }

  @Test
  void aNewCommitIsSeenByRefreshAndEarlierSnapshotsStayAsTheyWere() throws Exception {
    TemplateRegistry registry = registry();
    LoadedTemplate first = registry.find("from-git").orElseThrow();
    assertThat(registry.refresh(false)).isFalse();

    writeTemplate(work.resolve("templates"), "from-git", "two");
    commit("second version");

    assertThat(registry.refresh(false)).isTrue();
    LoadedTemplate second = registry.find("from-git").orElseThrow();
    assertThat(second.version()).isNotEqualTo(first.version());
    assertThat(Path.of(second.plan().location()).resolve("skeleton/VERSION.txt")).hasContent("two");
    assertThat(Path.of(first.plan().location()).resolve("skeleton/VERSION.txt")).hasContent("one");
    assertThat(registry.refresh(false)).isFalse();
  }

  @Test
  void aFolderEditIsSeenByRefresh() throws Exception {
    TemplateRegistry registry = registry();
    String before = registry.find("local").orElseThrow().version();
    Files.writeString(folder.resolve("local/skeleton/VERSION.txt"), "edited");
    assertThat(registry.refresh(false)).isTrue();
    assertThat(registry.find("local").orElseThrow().version()).isNotEqualTo(before);
  }

  @Test
  void aTemplateThatBreaksIsRefusedWithItsReasonAndTheOthersKeepWorking() throws Exception {
    TemplateRegistry registry = registry();
    Files.writeString(
        work.resolve("templates/from-git/template.yaml"),
        Files.readString(work.resolve("templates/from-git/template.yaml"))
            .replace("debug:log", "acme:nope"));
    commit("break it");

    assertThat(registry.refresh(false)).isTrue();
    assertThat(registry.find("from-git")).isEmpty();
    assertThat(registry.find("local")).isPresent();
    assertThat(registry.refused())
        .singleElement()
        .satisfies(
            refused -> {
              assertThat(refused.file())
                  .isEqualTo("golden-paths.git#main:templates templates/from-git/template.yaml");
              assertThat(refused.problems().toString()).contains("unknown action 'acme:nope'");
            });
    // the refused version left no snapshot behind
    try (var snapshots = Files.list(data.resolve("template-versions"))) {
      assertThat(snapshots.count()).isEqualTo(2);
    }
  }

  @Test
  void aSymbolicLinkInATemplateIsRefused() throws Exception {
    Files.createSymbolicLink(folder.resolve("local/skeleton/passwd"), Path.of("/etc/passwd"));
    TemplateRegistry registry = registry();
    assertThat(registry.find("local")).isEmpty();
    assertThat(registry.refused())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.problems().toString()).contains("symbolic link");
              // anyone signed in reads refusals: no folder of this machine in them
              assertThat(r.file()).isEqualTo("local/template.yaml");
              assertThat(r.toString()).doesNotContain(root.toString());
            });
  }

  @Test
  void anUnreadableLocationIsNamedWithoutItsPathOrCredentials() {
    assertThat(TemplateSource.safe("git+https://bot:s3cret@github.com/acme/paths.git#main:t"))
        .isEqualTo("git+https://github.com/acme/paths.git#main:t");
    assertThat(TemplateSource.safe("git+file:///srv/repos/paths.git/#main:templates"))
        .isEqualTo("paths.git#main:templates");
    assertThat(TemplateSource.safe("/srv/paved/templates")).isEqualTo("templates");
  }

  @Test
  void whenTheRepositoryIsGoneTheLastFetchedCommitKeepsServing() throws Exception {
    TemplateRegistry registry = registry();
    deleteTree(root.resolve("golden-paths.git"));

    registry.reload();

    assertThat(registry.find("from-git")).isPresent();
    assertThat(registry.refused()).isEmpty();
  }

  @Test
  void anUnreachableLocationIsListedAsRefusedAndTheFolderStillLoads() {
    TemplateRegistry registry =
        new TemplateRegistry(
            folder,
            List.of("git+" + root.resolve("no-such.git").toUri() + "#main"),
            data,
            (value, where) -> List.of());
    assertThat(registry.find("local")).isPresent();
    assertThat(registry.refused())
        .singleElement()
        .satisfies(r -> assertThat(r.problems().toString()).contains("cannot read"));
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void aLocationsPasswordNeverReachesTheLogNorTheRefusal(CapturedOutput output) {
    TemplateRegistry registry =
        new TemplateRegistry(
            folder,
            List.of("git+https://paved:s3cret-token@127.0.0.1:9/golden-paths.git#main"),
            data,
            (value, where) -> List.of());
    assertThat(registry.find("local")).isPresent();
    assertThat(registry.refused())
        .singleElement()
        .satisfies(r -> assertThat(r.problems()).isNotEmpty());
    assertThat(output.getAll())
        .contains("Cannot read templates from")
        .doesNotContain("s3cret-token");
    assertThat(registry.refused().toString()).doesNotContain("s3cret-token");
  }

  @Test
  void theWatcherReloadsWhenAFileChanges() throws Exception {
    TemplateRegistry registry = registry();
    String before = registry.find("local").orElseThrow().version();
    try (TemplateWatcher watcher = new TemplateWatcher(registry, Duration.ofMillis(50))) {
      Files.writeString(folder.resolve("local/skeleton/VERSION.txt"), "watched");
      // a bound on waiting for the next poll, not an assertion on its timing
      await("the watcher's reload")
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> registry.find("local").orElseThrow().version(), v -> !v.equals(before));
    }
  }

  private TemplateRegistry registry() {
    return new TemplateRegistry(folder, List.of(location), data, (value, where) -> List.of());
  }

  private void commit(String message) throws Exception {
    try (Git git = Git.open(work.toFile())) {
      git.add().addFilepattern(".").call();
      git.add().setUpdate(true).addFilepattern(".").call();
      git.commit().setMessage(message).setAuthor("t", "t@example.com").setSign(false).call();
      git.push().setRemote("origin").add("main").call();
    }
  }

  static void writeTemplate(Path parent, String name, String version) throws IOException {
    Path dir = Files.createDirectories(parent.resolve(name).resolve("skeleton"));
    Files.writeString(
        parent.resolve(name).resolve("template.yaml"),
        """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: %s
        spec:
          parameters:
            - properties:
                name: {type: string}
          steps:
            - id: say
              action: debug:log
              input:
                message: hello
        """
            .formatted(name));
    Files.writeString(dir.resolve("VERSION.txt"), version);
    Path script = dir.resolve("run.sh");
    Files.writeString(script, "#!/bin/sh\necho hi\n");
    script.toFile().setExecutable(true);
  }

  private static void deleteTree(Path path) throws IOException {
    try (var paths = Files.walk(path)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
