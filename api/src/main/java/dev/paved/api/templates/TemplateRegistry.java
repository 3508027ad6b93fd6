package dev.paved.api.templates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The templates Paved can run, read from the templates folder ({@code <dir>/<name>/template.yaml}),
 * and those it refused with their reasons.
 */
public class TemplateRegistry {

  private static final Logger log = LoggerFactory.getLogger(TemplateRegistry.class);

  private final Path folder;
  private final TemplateLoader loader;
  private volatile Map<String, LoadedTemplate> templates = Map.of();
  private volatile List<RefusedTemplate> refused = List.of();

  public TemplateRegistry(Path folder, ExpressionChecker expressions) {
    this.folder = folder.toAbsolutePath().normalize();
    this.loader = new TemplateLoader(expressions);
    reload();
  }

  /** Reads every template again; a run already started keeps the plan it froze. */
  public synchronized void reload() {
    Map<String, LoadedTemplate> loaded = new TreeMap<>();
    List<RefusedTemplate> refusedNow = new ArrayList<>();
    for (Path file : templateFiles()) {
      TemplateLoader.Result result = loader.load(file);
      if (result.refused() != null) {
        refusedNow.add(result.refused());
        log.warn("Refused {}: {}", file, String.join("; ", result.refused().problems()));
      } else if (loaded.putIfAbsent(result.template().name(), result.template()) != null) {
        refusedNow.add(
            new RefusedTemplate(
                file.toString(),
                result.template().name(),
                List.of("template '" + result.template().name() + "' is defined twice")));
      }
    }
    templates = Map.copyOf(loaded);
    refused = List.copyOf(refusedNow);
    log.info("Loaded {} template(s) from {}: {}", loaded.size(), folder, loaded.keySet());
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

  private List<Path> templateFiles() {
    if (!Files.isDirectory(folder)) {
      log.warn("Templates folder {} does not exist: no template is loaded", folder);
      return List.of();
    }
    try (Stream<Path> children = Files.list(folder)) {
      return children
          .map(dir -> dir.resolve("template.yaml"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
