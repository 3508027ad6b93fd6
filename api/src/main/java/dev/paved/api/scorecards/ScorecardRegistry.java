package dev.paved.api.scorecards;

import static java.nio.charset.StandardCharsets.UTF_8;

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

  private final Path folder;
  private final ScorecardLoader loader;
  private volatile Map<String, Scorecard> scorecards = Map.of();
  private volatile List<RefusedScorecard> refused = List.of();
  private String fingerprint;

  /** Reads {@code folder} now, with rules over the facts the collectors declare. */
  public ScorecardRegistry(Path folder, List<FactCollector> collectors) {
    this.folder = folder;
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
    Map<String, String> files = new TreeMap<>();
    List<RefusedScorecard> refusedNow = new ArrayList<>();
    try {
      for (Path file : files()) {
        files.put(folder.relativize(file).toString(), Files.readString(file, UTF_8));
      }
    } catch (IOException e) {
      log.warn("Cannot read scorecards from {}: {}", folder, e.toString());
      refusedNow.add(
          new RefusedScorecard(
              folder.getFileName() == null ? "" : folder.getFileName().toString(),
              null,
              List.of("cannot read the scorecards folder; the API's log says why")));
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
    log.info("Loaded {} scorecard(s) from {}: {}", loaded.size(), folder, loaded.keySet());
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

  private List<Path> files() throws IOException {
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
