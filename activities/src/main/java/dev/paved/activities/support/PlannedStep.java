package dev.paved.activities.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a step would make, found without making anything (a dry run): the output later steps would
 * read, plausible where only the real system could say (a repository's URL is computed, not
 * created), and the resources it would make, each a map with a {@code kind}. Never a secret value.
 */
public record PlannedStep(Map<String, Object> output, List<Map<String, Object>> resources) {

  public PlannedStep {
    output = output == null ? Map.of() : output;
    resources = resources == null ? List.of() : List.copyOf(resources);
  }

  /** A resource of {@code kind} with the given fields, in order. */
  public static Map<String, Object> resource(String kind, Object... fields) {
    Map<String, Object> resource = new LinkedHashMap<>();
    resource.put("kind", kind);
    for (int i = 0; i < fields.length; i += 2) {
      resource.put((String) fields[i], fields[i + 1]);
    }
    return resource;
  }
}
