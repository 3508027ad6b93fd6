package dev.paved.api;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A standalone {@code WorkerApplication} in its own JVM, as an operator starts one next to {@code
 * ./paved up} or on another host: its settings are {@code PAVED_*} variables and {@code -D}
 * properties, its log goes to {@code target/worker-processes/<name>.log} (kept after the test).
 */
final class WorkerProcess implements AutoCloseable {

  private final Process process;
  private final Path log;

  private WorkerProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts a worker; {@code properties} are {@code name=value} pairs passed as {@code -D}. */
  static WorkerProcess start(String name, Map<String, String> variables, String... properties) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
    for (String property : properties) {
      command.add("-D" + property);
    }
    command.addAll(
        List.of(
            "-cp", System.getProperty("java.class.path"), "dev.paved.worker.WorkerApplication"));
    ProcessBuilder worker = new ProcessBuilder(command);
    worker.environment().putAll(variables);
    try {
      // kept under target/ so a failure can be read after the temporary folder is gone
      Path log =
          Files.createDirectories(Path.of("target", "worker-processes")).resolve(name + ".log");
      worker.redirectErrorStream(true).redirectOutput(log.toFile());
      System.out.println("Worker process log: " + log);
      return new WorkerProcess(worker.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The SDK's default identity of this worker ({@code <pid>@<host>}) starts with this. */
  String identityPrefix() {
    return process.pid() + "@";
  }

  String logText() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the worker has started polling (a bound on waiting, not on speed). */
  WorkerProcess awaitStarted() {
    await(log + " started")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> !process.isAlive() || logText().contains("Started WorkerApplication"));
    if (!process.isAlive()) {
      throw new IllegalStateException("the worker stopped at start; its log: " + log);
    }
    return this;
  }

  /** Kills the worker as a lost host would lose it: no shutdown of any kind. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
