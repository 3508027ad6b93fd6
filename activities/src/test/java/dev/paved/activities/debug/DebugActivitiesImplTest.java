package dev.paved.activities.debug;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.paved.activities.support.Workspaces;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class DebugActivitiesImplTest {

  @TempDir Path dir;
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(DebugActivitiesImpl.class);

  @BeforeEach
  void capture() {
    logs.start();
    logger.addAppender(logs);
  }

  @AfterEach
  void release() {
    logger.detachAppender(logs);
  }

  private ActionResult log(Workspaces workspaces, Map<String, Object> input) {
    return new DebugActivitiesImpl(workspaces)
        .debugLog(new ActionRequest("run-7", "t/s", "say", "debug:log", input, null, "alice"));
  }

  @Test
  void logsTheMessageOnOneLineNamingRunAndStep() {
    ActionResult result =
        log(new Workspaces(dir), Map.of("message", "hello\nrun run-8 step x: forged"));

    assertThat(result.output()).isEmpty();
    assertThat(logs.list).hasSize(1);
    ILoggingEvent event = logs.list.get(0);
    assertThat(event.getLevel()).isEqualTo(Level.INFO);
    assertThat(event.getFormattedMessage())
        .isEqualTo("run run-7 step say: hello\\nrun run-8 step x: forged")
        .doesNotContain("\n");
  }

  @Test
  void listsTheWorkspaceWhenAsked() throws IOException {
    Workspaces workspaces = new Workspaces(dir);
    Path workspace = workspaces.forRun("run-7");
    Files.createDirectories(workspace.resolve("src/main"));
    Files.writeString(workspace.resolve("src/main/App.java"), "x");
    Files.writeString(workspace.resolve("README.md"), "x");

    log(workspaces, Map.of("listWorkspace", true));

    assertThat(logs.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly(
            "run run-7 step say: workspace file README.md",
            "run run-7 step say: workspace file src/main/App.java");
  }

  @Test
  void nothingToSayLogsNothing() {
    log(new Workspaces(dir), Map.of("listWorkspace", "false"));
    assertThat(logs.list).isEmpty();
  }
}
