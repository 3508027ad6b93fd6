package dev.paved.activities.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paved.activities.git.GitCommits;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whom something Paved made on GitHub belongs to: the service key and the run that made it. GitHub
 * has no free-form metadata on repositories, branches or pull requests on every plan, so Paved
 * writes the marker where it travels with the thing itself:
 *
 * <ul>
 *   <li>a repository: the file {@value #FILE} in its first commit, on the default branch;
 *   <li>a pull request: a hidden comment in its body, {@code <!-- paved:service=... run=... -->};
 *   <li>a pull request's commits: the trailers {@code Paved-Service:} and {@code Paved-Run:}.
 * </ul>
 */
public record GithubMarker(String serviceKey, String runId) {

  /** The repository marker's path. */
  public static final String FILE = ".paved/service.json";

  public static final String RUN_TRAILER = "Paved-Run";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern COMMENT =
      Pattern.compile("<!--\\s*paved:service=(\\S+)\\s+run=(\\S+)\\s*-->");
  private static final Pattern SERVICE_TRAILER =
      Pattern.compile("(?m)^" + GitCommits.SERVICE_TRAILER + ":\\s*(\\S+)\\s*$");

  /** Whether this marker is the given service's. */
  public boolean isFor(String service) {
    return serviceKey.equals(service);
  }

  /** Whether the given run of the given service made it. */
  public boolean madeBy(String service, String run) {
    return serviceKey.equals(service) && runId.equals(run);
  }

  /** The marker file's text. */
  public String fileText() {
    ObjectNode file = JSON.createObjectNode();
    file.put("service", serviceKey);
    file.put("run", runId);
    file.put(
        "about",
        "Paved made this repository for this service in this run. A run of the same service "
            + "adopts it; only the rollback of this run deletes it. Without this file Paved "
            + "leaves the repository alone.");
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(file) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The marker a file's text holds; empty when it is not one. */
  public static Optional<GithubMarker> fromFile(String text) {
    try {
      JsonNode file = JSON.readTree(text);
      String service = file.path("service").asText("");
      String run = file.path("run").asText("");
      return service.isBlank() || run.isBlank()
          ? Optional.empty()
          : Optional.of(new GithubMarker(service, run));
    } catch (IOException | RuntimeException notJson) {
      return Optional.empty();
    }
  }

  /** The hidden comment that marks a pull request's body. */
  public String comment() {
    return "<!-- paved:service=" + serviceKey + " run=" + runId + " -->";
  }

  /** The marker of a pull request's body: its last Paved comment; empty when there is none. */
  public static Optional<GithubMarker> fromBody(String body) {
    if (body == null) {
      return Optional.empty();
    }
    Matcher m = COMMENT.matcher(body);
    GithubMarker found = null;
    while (m.find()) {
      found = new GithubMarker(m.group(1), m.group(2));
    }
    return Optional.ofNullable(found);
  }

  /** The trailers that end the message of a commit Paved makes. */
  public String trailers() {
    return GitCommits.SERVICE_TRAILER
        + ": "
        + serviceKey
        + "\n"
        + RUN_TRAILER
        + ": "
        + runId
        + "\n";
  }

  /** The service a commit message's last {@code Paved-Service} trailer names. */
  public static Optional<String> serviceOfCommit(String message) {
    if (message == null) {
      return Optional.empty();
    }
    Matcher m = SERVICE_TRAILER.matcher(message);
    String found = null;
    while (m.find()) {
      found = m.group(1);
    }
    return Optional.ofNullable(found);
  }
}
