package dev.paved.api.catalog;

import dev.paved.api.access.ServiceAccessRequests;
import dev.paved.api.identity.CurrentUsers;
import dev.paved.api.identity.UsersFileMembers;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an entity's page shows, in one read: the entity, its owner with members and on-call, links
 * from its annotations, its relations as a graph, its APIs with their definitions, and the runs and
 * access requests that concern it. No HTTP here.
 */
@Component
class EntityOverview {

  static final int MAX_DEPTH = 4;
  static final int MAX_NODES = 500;
  private static final int MAX_ACTIVITY = 50;
  private static final List<String> ON_CALL =
      List.of(
          "pagerduty.com/service-id",
          "pagerduty.com/integration-key",
          "opsgenie.com/component-selector",
          "opsgenie.com/team");

  private final CatalogStore store;
  private final CatalogDirectory directory;
  private final ObjectProvider<UsersFileMembers> usersFile;
  private final JdbcClient jdbc;
  private final String grafana;
  private final ServiceAccessRequests serviceAccess;
  private final CurrentUsers users;
  private final EntityDocs docs;

  EntityOverview(
      CatalogStore store,
      CatalogDirectory directory,
      ObjectProvider<UsersFileMembers> usersFile,
      ServiceAccessRequests serviceAccess,
      CurrentUsers users,
      EntityDocs docs,
      @Value("${paved.grafana.url:}") String grafana) {
    this.store = store;
    this.directory = directory;
    this.usersFile = usersFile;
    this.jdbc = store.jdbc();
    this.grafana = grafana;
    this.serviceAccess = serviceAccess;
    this.users = users;
    this.docs = docs;
  }

  /** The overview, or empty when the catalog has no such entity. */
  Optional<Map<String, Object>> of(EntityRef ref, int depth) {
    return store.findByRef(ref.toString()).map(stored -> overview(stored, depth));
  }

  private Map<String, Object> overview(CatalogStore.Stored stored, int depth) {
    Map<String, Object> body = stored.entity().body();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("entity", new EntityViews(store).view(stored));
    answer.put("owner", owner(stored.entity()));
    answer.put("links", EntityLinks.of(body, grafana));
    answer.put("graph", graph(stored.ref(), Math.max(0, Math.min(depth, MAX_DEPTH))));
    answer.put(
        "apis",
        Map.of(
            "provided", apis(stored.ref(), "providesApi"),
            "consumed", apis(stored.ref(), "consumesApi")));
    answer.put("docs", docs.of(stored));
    answer.put("runs", runs(stored));
    answer.put("accessRequests", accessRequests(stored.ref()));
    return answer;
  }

  /** The owner's ref, its entity when the catalog has it, its members and its on-call. */
  private Map<String, Object> owner(Entity entity) {
    String ref = entity.owner();
    if (ref == null) {
      return null;
    }
    Map<String, Object> owner = new LinkedHashMap<>();
    owner.put("ref", ref.toLowerCase(java.util.Locale.ROOT));
    Optional<CatalogStore.Stored> group = store.findByRef(ref);
    owner.put("entity", group.map(g -> g.entity().body()).orElse(null));
    Set<String> members = new TreeSet<>(directory.membersOf(ref));
    UsersFileMembers file = usersFile.getIfAvailable();
    if (file != null) {
      members.addAll(file.membersOf(ref));
    }
    owner.put("members", members);
    List<Map<String, Object>> onCall = new ArrayList<>(onCall(entity.body(), entity.ref()));
    group.ifPresent(g -> onCall.addAll(onCall(g.entity().body(), g.ref())));
    owner.put("onCall", onCall);
    return owner;
  }

  private static List<Map<String, Object>> onCall(Map<String, Object> body, String from) {
    Map<String, Object> annotations =
        EntityLinks.map(EntityLinks.map(body.get("metadata")).get("annotations"));
    List<Map<String, Object>> found = new ArrayList<>();
    for (String key : ON_CALL) {
      if (annotations.get(key) instanceof String value && !value.isBlank()) {
        found.add(
            Map.of(
                "provider", key.startsWith("pagerduty") ? "pagerduty" : "opsgenie",
                "annotation", key,
                "value", value,
                "from", from));
      }
    }
    return found;
  }

  /**
   * The relations around the entity to {@code depth} hops, both directions (each relation is stored
   * with its inverse, so following a node's own rows reaches what points at it too). Targets the
   * catalog does not hold are nodes marked {@code missing} (dangling).
   */
  private Map<String, Object> graph(String root, int depth) {
    Map<String, List<Map<String, String>>> relations = new LinkedHashMap<>();
    Set<String> nodes = new LinkedHashSet<>(List.of(root));
    Deque<String> frontier = new ArrayDeque<>(List.of(root));
    boolean truncated = false;
    for (int hop = 0; hop < depth && !frontier.isEmpty(); hop++) {
      List<String> next = new ArrayList<>();
      for (String ref : frontier) {
        for (Map<String, String> relation : relationsOf(ref, relations)) {
          String target = relation.get("targetRef");
          if (nodes.contains(target)) {
            continue;
          }
          if (nodes.size() >= MAX_NODES) {
            truncated = true;
            continue;
          }
          nodes.add(target);
          next.add(target);
        }
      }
      frontier = new ArrayDeque<>(next);
    }
    List<Map<String, Object>> edges = new ArrayList<>();
    for (String source : nodes) {
      for (Map<String, String> relation : relationsOf(source, relations)) {
        if (nodes.contains(relation.get("targetRef"))) {
          Map<String, Object> edge = new LinkedHashMap<>();
          edge.put("source", source);
          edge.put("type", relation.get("type"));
          edge.put("target", relation.get("targetRef"));
          edges.add(edge);
        }
      }
    }
    Map<String, CatalogStore.Stored> known = new LinkedHashMap<>();
    store.findByRefs(List.copyOf(nodes)).forEach(s -> known.put(s.ref(), s));
    List<Map<String, Object>> nodeViews = new ArrayList<>();
    for (String ref : nodes) {
      EntityRef parsed = EntityRef.parse(ref);
      Map<String, Object> node = new LinkedHashMap<>();
      node.put("id", ref);
      node.put("kind", parsed.kind());
      node.put("namespace", parsed.namespace());
      node.put("name", parsed.name());
      CatalogStore.Stored stored = known.get(ref);
      Map<String, Object> metadata =
          stored == null ? Map.of() : EntityLinks.map(stored.entity().body().get("metadata"));
      node.put("title", metadata.get("title"));
      node.put("missing", stored == null);
      node.put("root", ref.equals(root));
      nodeViews.add(node);
    }
    Map<String, Object> graph = new LinkedHashMap<>();
    graph.put("depth", depth);
    graph.put("nodes", nodeViews);
    graph.put("edges", edges);
    graph.put("truncated", truncated);
    return graph;
  }

  private List<Map<String, String>> relationsOf(
      String ref, Map<String, List<Map<String, String>>> read) {
    return read.computeIfAbsent(ref, store::relationsOf);
  }

  /** The APIs the entity provides or consumes, each with its definition as text. */
  private List<Map<String, Object>> apis(String ref, String type) {
    List<Map<String, Object>> apis = new ArrayList<>();
    for (Map<String, String> relation : store.relationsOf(ref)) {
      if (!type.equals(relation.get("type"))) {
        continue;
      }
      String target = relation.get("targetRef");
      Map<String, Object> api = new LinkedHashMap<>();
      api.put("ref", target);
      Optional<CatalogStore.Stored> stored = store.findByRef(target);
      Map<String, Object> spec =
          stored.map(s -> EntityLinks.map(s.entity().body().get("spec"))).orElse(Map.of());
      api.put("missing", stored.isEmpty());
      api.put("type", spec.get("type"));
      api.put("lifecycle", spec.get("lifecycle"));
      Object definition = spec.get("definition");
      api.put("definition", definition instanceof String text ? text : null);
      apis.add(api);
    }
    return apis;
  }

  /** Runs of the entity's service (the run that registered it and every other for its key). */
  private List<Map<String, Object>> runs(CatalogStore.Stored stored) {
    if (stored.serviceKey() == null && stored.runId() == null) {
      return List.of();
    }
    return jdbc.sql(
            "select id, template, status, requested_by, created_at from runs"
                + " where service_key = ? or id = ? order by created_at desc limit "
                + MAX_ACTIVITY)
        .params(String.valueOf(stored.serviceKey()), String.valueOf(stored.runId()))
        .query(
            (rs, row) ->
                Map.<String, Object>of(
                    "id", rs.getString(1),
                    "template", rs.getString(2),
                    "status", rs.getString(3),
                    "requestedBy", rs.getString(4),
                    "createdAt", rs.getTimestamp(5).toInstant().toString(),
                    "url", "/api/v1/runs/" + rs.getString(1)))
        .list();
  }

  /** Only the requests the viewer may see, by the access requests' own rule. */
  private List<Map<String, Object>> accessRequests(String ref) {
    return serviceAccess.visibleTo(users.current(), ref, MAX_ACTIVITY);
  }
}
