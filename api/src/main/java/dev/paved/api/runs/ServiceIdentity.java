package dev.paved.api.runs;

import java.util.Map;
import java.util.Set;

/**
 * Who a run makes things for. A template whose form has {@code name} and {@code owner} creates a
 * service: its key is {@code <owner>/<name>} and its workflow id {@code service:<owner>/<name>}, so
 * the same service cannot be created twice at once. Any other run is keyed by its own id.
 *
 * @param serviceName the service's name, or null when the run creates no named service
 */
record ServiceIdentity(String serviceName, String serviceKey, String workflowId) {

  static ServiceIdentity of(Map<String, Object> parameters, String runId) {
    return of(parameters, runId, parameters.keySet());
  }

  /**
   * The identity from the form's {@code name} and {@code owner}, when the template declares both: a
   * value the form does not ask for never claims a service.
   */
  static ServiceIdentity of(Map<String, Object> parameters, String runId, Set<String> declared) {
    Object name = parameters.get("name");
    Object owner = parameters.get("owner");
    if (declared.containsAll(Set.of("name", "owner"))
        && name instanceof String n
        && owner instanceof String o
        && !n.isBlank()
        && !o.isBlank()) {
      String key = groupName(o) + "/" + n;
      return new ServiceIdentity(n, key, "service:" + key);
    }
    return new ServiceIdentity(null, "run/" + runId, "run:" + runId);
  }

  /** {@code group:default/team-payments} and {@code team-payments} both name team-payments. */
  static String groupName(String ref) {
    String name = ref.contains("/") ? ref.substring(ref.lastIndexOf('/') + 1) : ref;
    return name.contains(":") ? name.substring(name.indexOf(':') + 1) : name;
  }
}
