package dev.paved.api.templates;

import dev.paved.api.actions.StepProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The templates Paved can run, read from its sources ({@code <folder>/<name>/template.yaml}, the
 * first source winning a name), and those it refused with their reasons. Each loaded template runs
 * from a snapshot of its version ({@link TemplateSnapshots}), so a run is pinned to the template it
 * started with; {@link #refresh} loads again only when a source changed.
 */
public class TemplateRegistry {

  private static final Logger log = LoggerFactory.getLogger(TemplateRegistry.class);

  private final List<TemplateSource> sources;
  private final TemplateLoader loader;
  private final TemplateSnapshots snapshots;
  private final Consumer<Path> keepSnapshot;
  private volatile Map<String, LoadedTemplate> templates = Map.of();
  private volatile List<RefusedTemplate> refused = List.of();
  private String fingerprint;

  /**
   * Reads the templates folder and each configured location ({@link TemplateLocation}); snapshots
   * go to {@code <dataDir>/template-versions}, git mirrors to {@code <dataDir>/template-sources}.
   */
  public TemplateRegistry(
      Path folder, List<String> locations, Path dataDir, ExpressionChecker expressions) {
    this(folder, locations, dataDir, expressions, StepProperties.defaults());
  }

  /** As above; {@code steps} are the step classes' limits frozen into each step's plan. */
  public TemplateRegistry(
      Path folder,
      List<String> locations,
      Path dataDir,
      ExpressionChecker expressions,
      StepProperties steps) {
    this(folder, locations, dataDir, expressions, steps, snapshot -> {});
  }

  /**
   * As above; {@code keepSnapshot} is given each loaded template's snapshot folder, to keep it
   * where every worker reaches it (the workspace store).
   */
  public TemplateRegistry(
      Path folder,
      List<String> locations,
      Path dataDir,
      ExpressionChecker expressions,
      StepProperties steps,
      Consumer<Path> keepSnapshot) {
    this.keepSnapshot = keepSnapshot;
    List<TemplateSource> all = new ArrayList<>();
    all.add(new TemplateSource.Folder(folder));
    for (String location : locations == null ? List.<String>of() : locations) {
      all.add(TemplateLocation.parse(location, dataDir.resolve("template-sources")));
    }
    this.sources = List.copyOf(all);
    this.loader = new TemplateLoader(expressions, steps);
    this.snapshots = new TemplateSnapshots(dataDir.resolve("template-versions"));
    refresh(true);
  }

  /** Reads every template again; a run already started keeps the version it started with. */
  public void reload() {
    refresh(true);
  }

  /**
   * Loads the templates again if any source changed since the last load (or always, when {@code
   * force}); true when it loaded. A template that became broken is refused with its reason; the
   * others keep working.
   */
  public synchronized boolean refresh(boolean force) {
    List<RefusedTemplate> refusedNow = new ArrayList<>();
    Map<TemplateSource, List<Path>> folders = new LinkedHashMap<>();
    StringBuilder seen = new StringBuilder();
    for (TemplateSource source : sources) {
      try {
        List<Path> dirs = templateDirs(source.current());
        folders.put(source, dirs);
        for (Path dir : dirs) {
          seen.append(dir).append('=').append(contentHash(dir)).append('\n');
        }
      } catch (IOException | RuntimeException e) {
        log.warn(
            "Cannot read templates from {}: {}",
            TemplateSource.withoutCredentials(source.describe()),
            TemplateSource.withoutCredentials(e.getMessage()));
        // the reason may name folders of this machine: it goes to the log, not to the answer
        refusedNow.add(
            new RefusedTemplate(
                source.label(),
                null,
                List.of("cannot read the template location; the API's log says why")));
        seen.append(source.describe()).append("=unreadable\n");
      }
    }
    if (!force && seen.toString().equals(fingerprint)) {
      return false;
    }
    Map<String, LoadedTemplate> loaded = new TreeMap<>();
    folders.forEach((source, dirs) -> dirs.forEach(dir -> load(source, dir, loaded, refusedNow)));
    templates = Map.copyOf(loaded);
    refused = List.copyOf(refusedNow);
    fingerprint = seen.toString();
    log.info(
        "Loaded {} template(s) from {}: {}{}",
        loaded.size(),
        sources.stream().map(s -> TemplateSource.withoutCredentials(s.describe())).toList(),
        loaded.keySet(),
        refusedNow.isEmpty() ? "" : "; refused " + refusedNow.size());
    return true;
  }

  public Optional<LoadedTemplate> find(String name) {
    return Optional.ofNullable(templates.get(name));
  }

  public List<LoadedTemplate> all() {
    return new TreeMap<>(templates).values().stream().toList();
  }

  public List<RefusedTemplate> refused() {
    return refused;
  }

  private void load(
      TemplateSource source,
      Path dir,
      Map<String, LoadedTemplate> loaded,
      List<RefusedTemplate> refusedNow) {
    String file = source.display(dir.resolve("template.yaml"));
    TemplateSnapshots.Snapshot snapshot;
    try {
      snapshot = snapshots.take(dir);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      refuse(
          refusedNow,
          new RefusedTemplate(
              file,
              null,
              List.of(
                  withoutFolder(
                      String.valueOf(e.getMessage()), dir, dir.getFileName().toString()))));
      return;
    }
    TemplateLoader.Result result =
        loader.load(snapshot.folder().resolve("template.yaml"), dir.getFileName().toString());
    if (result.refused() != null) {
      snapshots.discard(snapshot);
      String name = dir.getFileName().toString();
      List<String> problems =
          result.refused().problems().stream()
              .map(p -> withoutFolder(withoutFolder(p, snapshot.folder(), name), dir, name))
              .toList();
      refuse(refusedNow, new RefusedTemplate(file, result.refused().name(), problems));
    } else if (loaded.putIfAbsent(result.template().name(), result.template()) != null) {
      String name = result.template().name();
      refuse(
          refusedNow,
          new RefusedTemplate(file, name, List.of("template '" + name + "' is defined twice")));
    } else {
      try {
        keepSnapshot.accept(snapshot.folder());
      } catch (RuntimeException e) {
        // the template works here; a worker without it says so when a run's step needs it
        log.warn(
            "Template {} not kept in the workspace store: {}",
            result.template().name(),
            e.getMessage());
      }
    }
  }

  /** {@code problem} with the template's folder on this machine named by the template's name. */
  private static String withoutFolder(String problem, Path folder, String name) {
    return problem.replace(folder.toAbsolutePath().normalize().toString(), name);
  }

  private static void refuse(List<RefusedTemplate> refusedNow, RefusedTemplate template) {
    refusedNow.add(template);
    log.warn("Refused {}: {}", template.file(), String.join("; ", template.problems()));
  }

  private static String contentHash(Path dir) {
    try {
      return TemplateVersion.hash(dir);
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  private static List<Path> templateDirs(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new IOException("no folder " + folder);
    }
    try (Stream<Path> children = Files.list(folder)) {
      return children
          .filter(dir -> Files.isRegularFile(dir.resolve("template.yaml")))
          .sorted()
          .toList();
    }
  }
}
