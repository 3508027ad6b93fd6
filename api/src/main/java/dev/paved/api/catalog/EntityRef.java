package dev.paved.api.catalog;

import java.util.Locale;

/**
 * An entity's {@code kind:namespace/name}, compared lower-cased as Backstage compares refs.
 *
 * @param kind lower-cased
 * @param namespace lower-cased
 * @param name lower-cased
 */
public record EntityRef(String kind, String namespace, String name) {

  public EntityRef {
    kind = lower(kind);
    namespace = lower(namespace);
    name = lower(name);
  }

  /**
   * Parses {@code [kind:][namespace/]name}, filling in the defaults; IllegalArgumentException when
   * the kind is missing and has no default (as Backstage refuses {@code dependsOn: [x]}).
   */
  public static EntityRef parse(String ref, String defaultKind, String defaultNamespace) {
    String rest = ref.trim();
    String kind = defaultKind;
    int colon = rest.indexOf(':');
    if (colon >= 0) {
      kind = rest.substring(0, colon);
      rest = rest.substring(colon + 1);
    }
    String namespace = defaultNamespace;
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      namespace = rest.substring(0, slash);
      rest = rest.substring(slash + 1);
    }
    if (kind == null || kind.isBlank()) {
      throw new IllegalArgumentException("entity ref '" + ref + "' has no kind");
    }
    if (rest.isBlank() || namespace.isBlank()) {
      throw new IllegalArgumentException("entity ref '" + ref + "' is not kind:namespace/name");
    }
    return new EntityRef(kind, namespace, rest);
  }

  /** A full ref ({@code kind:namespace/name}). */
  public static EntityRef parse(String ref) {
    return parse(ref, null, "default");
  }

  @Override
  public String toString() {
    return kind + ":" + namespace + "/" + name;
  }

  private static String lower(String value) {
    return value.toLowerCase(Locale.ROOT);
  }
}
