package dev.paved.api.scorecards.facts;

import dev.paved.api.catalog.EntityFiles;
import dev.paved.api.catalog.EntityRef;
import dev.paved.api.scorecards.Fact;
import dev.paved.api.scorecards.FactCollector;
import dev.paved.api.scorecards.FactDefinition;
import dev.paved.api.scorecards.FactType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code endpoints_total} and {@code endpoints_without_slo}: the operations of the OpenAPI
 * definitions of the APIs the component provides ({@code spec.providesApis}), against the SLOs of
 * the SLO folder of its repository ({@code paved.dev/slo-path}, else {@code slo/}, {@code slos/},
 * {@code .slo/}); how an SLO names its operation is {@link SloDocuments}'.
 */
@Component
class SloCollector implements FactCollector {

  static final String TOTAL = "endpoints_total";
  static final String WITHOUT = "endpoints_without_slo";
  static final String ANNOTATION = "paved.dev/slo-path";
  static final List<String> DEFAULTS = List.of("slo", "slos", ".slo");

  private final EntityFiles files;
  private final Clock clock;

  SloCollector(EntityFiles files, Clock clock) {
    this.files = files;
    this.clock = clock;
  }

  @Override
  public String id() {
    return "slo";
  }

  @Override
  public List<FactDefinition> facts() {
    return List.of(
        new FactDefinition(
            TOTAL, FactType.INT, "Operations of the OpenAPI definitions of the APIs it provides"),
        new FactDefinition(
            WITHOUT, FactType.INT, "Operations no OpenSLO or Sloth SLO of its repository covers"));
  }

  @Override
  public List<Fact> collect(String entityRef, Map<String, Object> entity) {
    Instant now = clock.instant();
    List<String> problems = new ArrayList<>();
    Map<String, SloDocuments.Operation> operations = operations(entity, problems);
    if (operations.isEmpty()) {
      String why =
          problems.isEmpty()
              ? "provides no API with an OpenAPI definition (spec.providesApis)"
              : String.join("; ", problems);
      return List.of(Fact.unknown(TOTAL, why, now), Fact.unknown(WITHOUT, why, now));
    }
    String apis = "apis:" + String.join(",", apiRefs(entity));
    Fact total =
        Fact.known(
            TOTAL,
            (long) operations.size(),
            apis,
            operations.size()
                + " operations"
                + (problems.isEmpty() ? "" : "; " + String.join("; ", problems)),
            now);
    Slos slos = slos(entityRef, entity);
    if (slos.folder() == null) {
      return List.of(total, Fact.unknown(WITHOUT, slos.why(), now));
    }
    List<String> uncovered =
        operations.values().stream()
            .filter(op -> !SloDocuments.covers(slos.named(), op))
            .map(SloDocuments.Operation::key)
            .toList();
    String detail =
        uncovered.isEmpty()
            ? "every operation has an SLO"
            : "without an SLO: "
                + String.join(", ", uncovered.stream().limit(5).toList())
                + (uncovered.size() > 5 ? ", ..." : "");
    if (!slos.problems().isEmpty()) {
      detail += "; " + String.join("; ", slos.problems());
    }
    return List.of(total, Fact.known(WITHOUT, (long) uncovered.size(), slos.folder(), detail, now));
  }

  private List<String> apiRefs(Map<String, Object> entity) {
    List<String> refs = new ArrayList<>();
    for (Object api : EntityFields.list(EntityFields.spec(entity).get("providesApis"))) {
      if (api instanceof String s && !s.isBlank()) {
        try {
          refs.add(apiRef(s.strip(), EntityFields.namespace(entity)));
        } catch (IllegalArgumentException e) {
          // the catalog refuses such a ref at ingestion; nothing to read
        }
      }
    }
    return refs;
  }

  /** {@code payments-api}, {@code api:payments-api}, {@code api:ns/payments-api}. */
  static String apiRef(String written, String namespace) {
    return EntityRef.parse(written, "api", namespace).toString();
  }

  private Map<String, SloDocuments.Operation> operations(
      Map<String, Object> entity, List<String> problems) {
    Map<String, SloDocuments.Operation> operations = new LinkedHashMap<>();
    for (String ref : apiRefs(entity)) {
      Optional<Map<String, Object>> api = files.entity(ref);
      if (api.isEmpty()) {
        problems.add(ref + " is not in the catalog");
        continue;
      }
      Map<?, ?> spec = EntityFields.spec(api.get());
      if (!"openapi".equals(spec.get("type"))) {
        continue;
      }
      try {
        Object definition = spec.get("definition");
        List<SloDocuments.Operation> ops;
        if (definition instanceof String text) {
          ops = SloDocuments.operations(text);
        } else if (EntityFields.map(definition).get("$text") instanceof String path) {
          Optional<EntityFiles.File> file = files.read(ref, null, path);
          if (file.isEmpty()) {
            problems.add(ref + ": no definition at " + path);
            continue;
          }
          ops = SloDocuments.operations(file.get().text());
        } else if (definition instanceof Map<?, ?> parsed) {
          ops = SloDocuments.operations(SloDocuments.tree(parsed));
        } else {
          problems.add(ref + " has no definition");
          continue;
        }
        ops.forEach(op -> operations.putIfAbsent(op.key(), op));
      } catch (SloDocuments.Unreadable | IllegalArgumentException e) {
        problems.add(ref + "'s definition is " + e.getMessage());
      }
    }
    return operations;
  }

  /** The operations SLOs name, and where they were read; a null folder when there is none. */
  private record Slos(String folder, Set<String> named, List<String> problems, String why) {}

  private Slos slos(String entityRef, Map<String, Object> entity) {
    Optional<String> annotated = EntityFields.annotation(entity, ANNOTATION);
    List<ReportLocation> folders =
        annotated.isPresent()
            ? List.of(ReportLocation.parse(annotated.get()))
            : DEFAULTS.stream().map(f -> new ReportLocation(null, f)).toList();
    for (ReportLocation folder : folders) {
      List<String> names;
      try {
        names =
            files.list(entityRef, folder.branch(), folder.path()).stream()
                .filter(n -> n.endsWith(".yaml") || n.endsWith(".yml"))
                .toList();
      } catch (IllegalArgumentException e) {
        return new Slos(
            null, Set.of(), List.of(), ANNOTATION + " names no folder: " + e.getMessage());
      }
      if (names.isEmpty()) {
        continue;
      }
      Set<String> named = new LinkedHashSet<>();
      List<String> problems = new ArrayList<>();
      String base = folder.path().replaceAll("/+$", "");
      for (String name : names) {
        Optional<EntityFiles.File> file = files.read(entityRef, folder.branch(), base + "/" + name);
        if (file.isEmpty()) {
          continue;
        }
        try {
          named.addAll(SloDocuments.covered(file.get().text()));
        } catch (SloDocuments.Unreadable e) {
          problems.add(base + "/" + name + " is " + e.getMessage());
        }
      }
      return new Slos("slo:" + folder, named, problems, null);
    }
    return new Slos(
        null,
        Set.of(),
        List.of(),
        annotated.isPresent()
            ? "no SLO files in " + annotated.get() + " (" + ANNOTATION + ")"
            : "no SLO folder with YAML files (slo/, slos/, .slo/; or " + ANNOTATION + ")");
  }
}
