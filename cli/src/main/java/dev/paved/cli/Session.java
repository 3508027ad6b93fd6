package dev.paved.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What a command runs with: the environment, the config folder, the streams, whether they are a
 * terminal and how to ask a person. Tests build one with a temporary config folder, captured
 * streams, scripted answers and a pause that does not wait.
 *
 * @param terminal whether stdout is a terminal (a live progress display) rather than a log or pipe
 * @param prompt asks the person at the terminal; null when there is nobody to ask (a script, CI)
 * @param pause waits between polls (the OIDC device flow)
 */
record Session(
    Map<String, String> env,
    Path configDir,
    PrintWriter out,
    PrintWriter err,
    BufferedReader in,
    boolean terminal,
    Prompt prompt,
    Pause pause) {

  /** Waits; tests record the waits instead. */
  interface Pause {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** A session with nobody to ask, that waits for real. */
  Session(
      Map<String, String> env,
      Path configDir,
      PrintWriter out,
      PrintWriter err,
      BufferedReader in,
      boolean terminal) {
    this(env, configDir, out, err, in, terminal, null, d -> Thread.sleep(d.toMillis()));
  }

  /** The user's config folder: $XDG_CONFIG_HOME/paved, else ~/.config/paved. */
  static Path defaultConfigDir(Map<String, String> env) {
    String xdg = env.get("XDG_CONFIG_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".config");
    return base.resolve("paved");
  }

  Credentials credentials() {
    return Credentials.resolve(env, configDir);
  }

  /** The API, signed in; a refreshed OIDC token is written back to the credentials file. */
  ApiClient api() {
    return new ApiClient(credentials(), this::keep);
  }

  private void keep(Credentials refreshed) {
    try {
      refreshed.write(configDir);
    } catch (java.io.IOException e) {
      err.println("paved: could not store the refreshed sign-in: " + e.getMessage());
    }
  }
}
