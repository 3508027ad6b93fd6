package dev.paved.activities.actions;

import dev.paved.activities.support.Workspaces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One dry run's providers, and what its earlier steps would have published: a later step reads a
 * repository this dry run publishes from the workspace folder it would publish.
 */
public final class PreviewContext {

  private final ActionContext providers;
  private final List<Object> others;
  private final Map<String, Path> published = new HashMap<>();

  /**
   * {@code others}: providers that actions declared outside this module need (the API's catalog
   * source for {@code catalog:register}).
   */
  public PreviewContext(ActionContext providers, Object... others) {
    this.providers = providers;
    this.others = Arrays.stream(others).filter(Objects::nonNull).toList();
  }

  /** The other provider of {@code type}; fails when this dry run has none. */
  public <T> T provider(Class<T> type) {
    return others.stream()
        .filter(type::isInstance)
        .map(type::cast)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no " + type.getSimpleName() + " here"));
  }

  public ActionContext providers() {
    return providers;
  }

  public Workspaces workspaces() {
    return providers.workspaces();
  }

  /** Notes that {@code repoContentsUrl} would hold the workspace's {@code folder}. */
  public void published(String repoContentsUrl, Path folder) {
    published.put(repoContentsUrl, folder);
  }

  /** The workspace folder a repository this dry run publishes would hold. */
  public Optional<Path> publishedFolder(String repoContentsUrl) {
    return Optional.ofNullable(published.get(repoContentsUrl));
  }

  /** A file of the run's workspace, as text. */
  public String read(String runId, String workspacePath) {
    try {
      return Files.readString(workspaces().resolve(runId, workspacePath), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
