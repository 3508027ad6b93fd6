package dev.paved.cli;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code paved} in its own JVM on a pseudo-terminal, through util-linux's {@code script} (Debian's
 * base system has it): the command sees a real terminal (a console, no echo for a password), and
 * the test types into it and reads what the person would see.
 */
final class Pty implements AutoCloseable {

  private final Process process;
  private final OutputStream keys;
  private final StringBuffer screen = new StringBuffer();
  private int seen;

  private Pty(Process process) {
    this.process = process;
    this.keys = process.getOutputStream();
    Thread reader =
        new Thread(
            () -> {
              try (InputStream in = process.getInputStream()) {
                byte[] buffer = new byte[4096];
                for (int n; (n = in.read(buffer)) > 0; ) {
                  screen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
              } catch (IOException ended) {
                // the process is gone
              }
            },
            "pty-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code paved args} with the test's classes, in {@code env} on top of this one's. */
  static Pty paved(Map<String, String> env, String... args) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    StringBuilder command =
        new StringBuilder("'" + java + "' -cp '" + System.getProperty("java.class.path") + "'");
    command.append(" dev.paved.cli.PavedCli");
    for (String arg : args) {
      command.append(" '").append(arg).append("'");
    }
    ProcessBuilder builder =
        new ProcessBuilder(List.of("script", "-qfec", command.toString(), "/dev/null"))
            .redirectErrorStream(true);
    builder.environment().putAll(env);
    builder.environment().put("TERM", "dumb");
    return new Pty(builder.start());
  }

  /** Waits until the screen shows {@code text} after what was already seen (or the JVM ends). */
  Pty expect(String text) {
    int at =
        await("the terminal showing '" + text + "'")
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofMillis(50))
            .until(
                () -> screen.indexOf(text, seen),
                found -> found >= 0 || !process.isAlive() && screen.indexOf(text, seen) < 0);
    if (at < 0) {
      at = screen.indexOf(text, seen);
    }
    if (at < 0) {
      throw new AssertionError("the terminal never showed '" + text + "'; it shows:\n" + screen);
    }
    seen = at + text.length();
    return this;
  }

  /** Types a line and presses Enter. */
  Pty type(String line) throws IOException {
    keys.write((line + "\r").getBytes(StandardCharsets.UTF_8));
    keys.flush();
    return this;
  }

  int exitCode() throws InterruptedException {
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      throw new AssertionError("paved did not exit; the terminal shows:\n" + screen);
    }
    return process.exitValue();
  }

  String screen() {
    return screen.toString();
  }

  @Override
  public void close() {
    process.destroy();
  }
}
