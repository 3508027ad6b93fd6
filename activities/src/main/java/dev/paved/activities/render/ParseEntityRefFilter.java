package dev.paved.activities.render;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code | parseEntityRef}: {@code [kind:][namespace/]name} as kind, namespace and name, as
 * Backstage's catalog model parses it; {@code parseEntityRef({ defaultKind: 'group',
 * defaultNamespace: 'team' })} fills what the reference leaves out (namespace defaults to {@code
 * default}; a missing kind without a default is an error).
 */
final class ParseEntityRefFilter extends TemplateFilter {

  ParseEntityRefFilter() {
    super("parseEntityRef");
  }

  @Override
  Object apply(Object input, Object[] args) {
    Map<?, ?> defaults = args.length > 0 && args[0] instanceof Map<?, ?> m ? m : Map.of();
    String kind;
    String namespace;
    String name;
    if (input instanceof Map<?, ?> ref) {
      kind = string(ref.get("kind"));
      namespace = string(ref.get("namespace"));
      name = string(ref.get("name"));
    } else {
      String ref = text(getName(), input);
      int colon = ref.indexOf(':');
      int slash = ref.indexOf('/');
      if (slash != -1 && slash < colon) {
        colon = -1; // a ':' after the namespace belongs to the name
      }
      kind = colon == -1 ? null : ref.substring(0, colon);
      namespace = slash == -1 ? null : ref.substring(colon + 1, slash);
      name = ref.substring(Math.max(colon + 1, slash + 1));
      if ("".equals(kind) || "".equals(namespace) || name.isEmpty()) {
        throw new IllegalArgumentException(
            "entity reference '" + ref + "' is not [kind:][namespace/]name");
      }
    }
    kind = kind != null ? kind : string(defaults.get("defaultKind"));
    namespace = namespace != null ? namespace : string(defaults.get("defaultNamespace"));
    if (kind == null || name == null) {
      throw new IllegalArgumentException(
          "entity reference '" + name + "' has no kind (write kind:name or give a defaultKind)");
    }
    Map<String, Object> parts = new LinkedHashMap<>();
    parts.put("kind", kind);
    parts.put("namespace", namespace == null ? "default" : namespace);
    parts.put("name", name);
    return parts;
  }

  private static String string(Object value) {
    return value == null || value.toString().isEmpty() ? null : value.toString();
  }
}
