package dev.paved.api.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * An entity's documentation as Markdown, read from beside its file: the TechDocs index ({@code
 * <dir>/docs/index.md} of a {@code backstage.io/techdocs-ref: dir:<dir>}) when it names one, else
 * the {@code README.md} next to its {@code catalog-info.yaml}. Read through the location's own
 * provider, so it comes from the same repository and branch.
 */
@Component
class EntityDocs {

  private static final int MAX_CHARS = 200_000;

  private final CatalogLocations locations;
  private final CatalogIngestion ingestion;

  EntityDocs(CatalogLocations locations, CatalogIngestion ingestion) {
    this.locations = locations;
    this.ingestion = ingestion;
  }

  /** {@code {source, markdown, truncated}}, or null when there is none to read. */
  Map<String, Object> of(CatalogStore.Stored stored) {
    if (stored.locationId() == null) {
      return null;
    }
    Optional<CatalogLocations.Location> location = locations.find(stored.locationId());
    if (location.isEmpty()
        || !"url".equals(location.get().type()) && !"file".equals(location.get().type())) {
      return null;
    }
    String type = location.get().type();
    String base = location.get().target();
    Map<?, ?> annotations =
        EntityLinks.map(EntityLinks.map(stored.entity().body().get("metadata")).get("annotations"));
    try {
      EntityProvider provider = ingestion.provider(type, base);
      if (annotations.get(EntityLinks.TECHDOCS) instanceof String ref && ref.startsWith("dir:")) {
        String dir = ref.substring(4).strip();
        dir = dir.isEmpty() || dir.equals(".") ? "." : dir.replaceAll("/+$", "");
        String index = provider.resolve(base, dir + "/docs/index.md");
        Optional<Map<String, Object>> docs = read(provider, base, index, "techdocs");
        if (docs.isPresent()) {
          return docs.get();
        }
      }
      return read(provider, base, provider.resolve(base, "./README.md"), "readme").orElse(null);
    } catch (RuntimeException e) {
      return null; // the page shows everything else; the location's own read reports the source
    }
  }

  private static Optional<Map<String, Object>> read(
      EntityProvider provider, String base, String target, String kind) {
    if (!Placeholders.within(base, target)) {
      return Optional.empty();
    }
    return provider
        .read(target)
        .map(
            text -> {
              Map<String, Object> docs = new LinkedHashMap<>();
              docs.put("kind", kind);
              docs.put("source", target);
              docs.put("truncated", text.length() > MAX_CHARS);
              docs.put("markdown", text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text);
              return docs;
            });
  }
}
