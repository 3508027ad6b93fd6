package dev.paved.api.catalog;

import java.util.Map;
import java.util.Optional;

/**
 * {@code url} locations: a file in a repository Paved hosts or knows ({@code
 * <repository>/blob/<branch>/<path>}), read through the repository host (local git or GitHub).
 */
final class UrlEntityProvider implements EntityProvider {

  private final CatalogSource source;

  UrlEntityProvider(CatalogSource source) {
    this.source = source;
  }

  @Override
  public boolean reads(String type, String target) {
    return "url".equals(type);
  }

  @Override
  public Read read(String target, String lastVersion) {
    return Read.of(text(target));
  }

  private Optional<String> text(String target) {
    CatalogLocation location = CatalogLocation.of(Map.of("catalogInfoUrl", target));
    return source.read(location.repoContentsUrl(), location.file());
  }

  @Override
  public String resolve(String base, String relative) {
    return relativeTo(base, relative);
  }

  /** {@code relative} ({@code ./x.yaml}, {@code ../y/z.yaml}) against the file URL {@code base}. */
  static String relativeTo(String base, String relative) {
    if (relative.contains("://")) {
      return relative;
    }
    String joined = base.substring(0, base.lastIndexOf('/') + 1) + relative;
    joined = joined.replace("/./", "/");
    String before;
    do {
      before = joined;
      joined = joined.replaceFirst("/(?!\\.\\./)[^/]+/\\.\\./", "/");
    } while (!joined.equals(before));
    return joined;
  }
}
