package dev.paved.api.scorecards;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.paved.api.templates.TemplateSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scorecards read from their folder ({@code *.yaml} and {@code *.yml}), and those refused with
 * their problems. {@link #refresh} loads again when a file changed; a file that became broken is
 * refused, the others keep loading.
 */
public class ScorecardRegistry {

  private static final Logger log = LoggerFactory.getLogger(ScorecardRegistry.class);

  private final List<TemplateSource> sources;
  private final ScorecardLoader loader;
  private volatile Map<String, Scorecard> scorecards = Map.of();
  private volatile List<RefusedScorecard> refused = List.of();
  private String fingerprint;

  /** Reads {@code folder} now, with rules over the facts the collectors declare. */
  public ScorecardRegistry(Path folder, List<FactCollector> collectors) {
    this(List.of(new TemplateSource.Folder(folder)), collectors);
  }

  /**
   * Reads the sources now, in order (a folder, or a folder of a git repository at a ref, as
   * template locations are): a scorecard id a source repeats is refused there, the first kept.
   */
  public ScorecardRegistry(List<TemplateSource> sources, List<FactCollector> collectors) {
    this.sources = List.copyOf(sources);
    Map<String, FactType> facts = new LinkedHashMap<>();
    for (FactCollector collector : collectors) {
      for (FactDefinition fact : collector.facts()) {
        FactType before = facts.putIfAbsent(fact.name(), fact.type());
        if (before != null && before != fact.type()) {
          log.warn("Fact {} is declared twice with different types; the first wins", fact.name());
        }
      }
    }
    this.loader = new ScorecardLoader(new RuleCompiler(facts), facts.keySet());
    refresh(true);
  }

  /**
   * Loads the folder again if a file changed since the last load (or always, when {@code force});
   * true when it loaded.
   */
  public synchronized boolean refresh(boolean force) {
    Map<String, String> files = new LinkedHashMap<>();
    List<RefusedScorecard> refusedNow = new ArrayList<>();
    for (TemplateSource source : sources) {
      try {
        Path folder = source.current();
        for (Path file : files(folder)) {
          // a folder's files by their place in it; a git location's with its label and ref
          files.put(source.display(file), Files.readString(file, UTF_8));
        }
      } catch (IOException e) {
        log.warn(
            "Cannot read scorecards from {}: {}",
            TemplateSource.withoutCredentials(source.describe()),
            TemplateSource.withoutCredentials(e.getMessage()));
        refusedNow.add(
            new RefusedScorecard(
                source.label(),
                null,
                List.of("cannot read this scorecards location; the API's log says why")));
      }
    }
    String seen = files.toString() + refusedNow;
    if (!force && seen.equals(fingerprint)) {
      return false;
    }
    Map<String, Scorecard> loaded = new TreeMap<>();
    files.forEach(
        (file, text) -> {
          ScorecardLoader.Result result = loader.load(file, text);
          if (result.refused() != null) {
            refusedNow.add(result.refused());
          } else if (loaded.putIfAbsent(result.scorecard().id(), result.scorecard()) != null) {
            refusedNow.add(
                new RefusedScorecard(
                    file,
                    result.scorecard().id(),
                    List.of(
                        file
                            + ":1: scorecard '"
                            + result.scorecard().id()
                            + "' is defined twice")));
          }
        });
    refusedNow.forEach(r -> log.warn("Refused scorecard {}: {}", r.file(), r.problems()));
    scorecards = Map.copyOf(loaded);
    refused = List.copyOf(refusedNow);
    fingerprint = seen;
    log.info(
        "Loaded {} scorecard(s) from {}: {}",
        loaded.size(),
        sources.stream().map(s -> TemplateSource.withoutCredentials(s.describe())).toList(),
        loaded.keySet());
    return true;
  }

  public Optional<Scorecard> find(String id) {
    return Optional.ofNullable(scorecards.get(id));
  }

  /** The loaded scorecards, by id. */
  public List<Scorecard> all() {
    return new TreeMap<>(scorecards).values().stream().toList();
  }

  public List<RefusedScorecard> refused() {
    return refused;
  }

  private static List<Path> files(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(folder)) {
      return children
          .filter(Files::isRegularFile)
          .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
          .sorted()
          .toList();
    }
  }
}
