package dev.paved.api.access;

import dev.paved.api.identity.CurrentUser;
import dev.paved.workflows.access.AccessInput;
import dev.paved.workflows.access.AccessSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The access requests of one service, as an entity's page lists them: only those the viewer may see
 * (the same rule as {@code GET /access-requests}), newest first.
 */
@Component
public class ServiceAccessRequests {

  private final AccessStore store;
  private final AccessVisibility visibility;

  ServiceAccessRequests(AccessStore store, AccessVisibility visibility) {
    this.store = store;
    this.visibility = visibility;
  }

  /** At most {@code limit} requests for {@code serviceRef} that {@code viewer} may see. */
  public List<Map<String, Object>> visibleTo(CurrentUser viewer, String serviceRef, int limit) {
    return store
        .list(serviceRef, null, null, limit, visibility.reader(viewer).orElse(null))
        .stream()
        .map(ServiceAccessRequests::summary)
        .toList();
  }

  private static Map<String, Object> summary(AccessStore.Stored stored) {
    AccessSnapshot snapshot = stored.snapshot();
    AccessInput request = snapshot.request();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("id", request.requestId());
    summary.put("environment", request.environment());
    summary.put("role", request.role());
    summary.put("status", snapshot.status().name());
    summary.put("requestedBy", request.requestedBy());
    summary.put("createdAt", stored.createdAt().toString());
    summary.put("url", "/api/v1/access-requests/" + request.requestId());
    return summary;
  }
}
