package dev.paved.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command runs with: the environment, the config folder, the streams and whether they are a
 * terminal. Tests build one with a temporary config folder and captured streams.
 *
 * @param terminal whether stdout is a terminal (a live progress display) rather than a log or pipe
 */
record Session(
    Map<String, String> env,
    Path configDir,
    PrintWriter out,
    PrintWriter err,
    BufferedReader in,
    boolean terminal) {

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

  ApiClient api() {
    return new ApiClient(credentials());
  }
}
