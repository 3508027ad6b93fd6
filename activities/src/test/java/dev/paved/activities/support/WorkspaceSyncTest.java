package dev.paved.activities.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.paved.workflows.steps.ActionRequest;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two hosts with their own data folders and one store: what each step sees of the workspace. */
class WorkspaceSyncTest {

  static final String RUN = "r-00000000000000a1";

  @TempDir Path root;

  final MemoryWorkspaceStore store = new MemoryWorkspaceStore();

  private Host host(String name) {
    Path data = root.resolve(name);
    Workspaces workspaces = new Workspaces(data.resolve("workspaces"));
    return new Host(
        workspaces, new WorkspaceSync(workspaces, data.resolve("template-versions"), store));
  }

  record Host(Workspaces workspaces, WorkspaceSync sync) {
    /** One attempt of a step that does {@code work} in the run's workspace. */
    void step(Consumer<Path> work) {
      step(request(null), request -> work.accept(workspaces.forRun(RUN)));
    }

    void step(ActionRequest request, Consumer<ActionRequest> work) {
      sync.around(
          request,
          prepared -> {
            work.accept(prepared);
            return null;
          });
    }
  }

  static ActionRequest request(String templateLocation) {
    return new ActionRequest(
        RUN, "team-a/svc", "step", "fetch:template", Map.of(), templateLocation, "pat");
  }

  static void write(Path folder, String name, String content) {
    try {
      Files.writeString(folder.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void eachStepSeesWhatTheStepsBeforeItMadeOnWhicheverHostTheyRan() {
    Host a = host("a");
    Host b = host("b");

    a.step(w -> write(w, "x.txt", "from a"));
    b.step(
        w -> {
          assertThat(w.resolve("x.txt")).hasContent("from a");
          write(w, "y.txt", "from b");
        });
    a.step(
        w -> {
          assertThat(w.resolve("x.txt")).hasContent("from a");
          assertThat(w.resolve("y.txt")).hasContent("from b");
        });

    assertThat(store.version(RUN)).isEqualTo(2);
  }

  @Test
  void aFailedAttemptStoresNothingAndTheNextStartsFromTheLastSuccess() {
    Host a = host("a");
    a.step(w -> write(w, "x.txt", "made"));

    catchThrowableOfType(
        IllegalStateException.class,
        () ->
            a.step(
                w -> {
                  write(w, "half.txt", "half-way");
                  throw new IllegalStateException("connection reset");
                }));

    assertThat(store.version(RUN)).isEqualTo(1);
    a.step(
        w -> {
          assertThat(w.resolve("x.txt")).hasContent("made");
          assertThat(w.resolve("half.txt")).doesNotExist();
        });
  }

  @Test
  void aStepThatChangesNothingStoresNothing() {
    Host a = host("a");
    a.step(w -> write(w, "x.txt", "made"));
    byte[] stored = store.workspaces.get(RUN).archive();

    a.step(w -> assertThat(w.resolve("x.txt")).exists());
    host("b").step(w -> assertThat(w.resolve("x.txt")).exists());

    assertThat(store.version(RUN)).isEqualTo(1);
    assertThat(store.workspaces.get(RUN).archive()).isSameAs(stored);
  }

  @Test
  void ofTwoAttemptsThatChangedTheSameVersionOnlyTheFirstToFinishIsStored() {
    Host a = host("a");
    Host b = host("b");
    a.step(w -> write(w, "x.txt", "v1"));

    ApplicationFailure late =
        catchThrowableOfType(
            ApplicationFailure.class,
            () ->
                a.step(
                    w -> {
                      // cut off, taken over and finished on b while this attempt still ran
                      b.step(other -> write(other, "x.txt", "v2 from b"));
                      write(w, "x.txt", "v2 from a");
                    }));

    assertThat(late.getType()).isEqualTo(WorkspaceSync.CHANGED_ELSEWHERE);
    assertThat(late.isNonRetryable()).isFalse();
    assertThat(store.version(RUN)).isEqualTo(2);
    a.step(w -> assertThat(w.resolve("x.txt")).hasContent("v2 from b"));
  }

  @Test
  void aTemplateSnapshotComesFromTheStoreWhenThisHostHasNone() throws IOException {
    Path snapshot = Files.createDirectories(root.resolve("api/template-versions/abc123"));
    write(snapshot, "template.yaml", "kind: Template\n");
    store.saveTemplate("abc123", WorkspaceArchive.pack(snapshot));
    Host b = host("b");

    String[] seen = new String[1];
    b.step(request(snapshot.toString()), prepared -> seen[0] = prepared.templateLocation());

    Path local = root.resolve("b/template-versions/abc123");
    assertThat(seen[0]).isEqualTo(local.toString());
    assertThat(local.resolve("template.yaml")).hasContent("kind: Template\n");
  }

  @Test
  void aTemplateVersionNeitherHereNorInTheStoreFailsTheAttemptSayingWhy() {
    Host b = host("b");

    ApplicationFailure failure =
        catchThrowableOfType(
            ApplicationFailure.class,
            () -> b.step(request("/elsewhere/template-versions/feed42"), prepared -> {}));

    assertThat(failure.getType()).isEqualTo("Unavailable");
    assertThat(failure.getOriginalMessage()).contains("feed42", "PAVED_WORKSPACES_STORE=database");
  }

  @Test
  void aFolderThatIsNoSnapshotIsUsedAsItIs() {
    String[] seen = new String[1];
    host("a").step(request("/opt/templates/java-service"), p -> seen[0] = p.templateLocation());

    assertThat(seen[0]).isEqualTo("/opt/templates/java-service");
  }

  @Test
  void aHostSweepsItsCopiesOfRunsThatEndedElsewhereAndKeepsTheOthers() {
    Host a = host("a");
    Host b = host("b");
    a.step(w -> write(w, "x.txt", "made"));
    b.step(w -> assertThat(w.resolve("x.txt")).exists());

    assertThat(b.sync().sweep(Duration.ZERO)).isZero(); // still running: stored
    a.workspaces().forRun(RUN);
    new dev.paved.activities.workspace.WorkspaceActivitiesImpl(a.workspaces(), a.sync())
        .deleteWorkspace(RUN); // the run ended on a

    assertThat(store.version(RUN)).isZero();
    assertThat(root.resolve("a/workspaces/.state/" + RUN)).doesNotExist();
    assertThat(root.resolve("a/workspaces/" + RUN)).doesNotExist();
    assertThat(b.sync().sweep(Duration.ofHours(1))).isZero(); // touched just now
    assertThat(b.sync().sweep(Duration.ZERO)).isEqualTo(1);
    assertThat(root.resolve("b/workspaces/" + RUN)).doesNotExist();
  }
}
