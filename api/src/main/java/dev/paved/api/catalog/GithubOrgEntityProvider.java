package dev.paved.api.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code github-org} locations (target: the organisation's login): its teams as Group entities (the
 * slug as name, {@code spec.parent} from the parent team, the members) and their members as User
 * entities, written as a YAML stream so they go through validation, relations and orphans like any
 * file.
 */
final class GithubOrgEntityProvider implements EntityProvider {

  static final String TYPE = "github-org";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final GithubCatalogApi github;

  GithubOrgEntityProvider(GithubCatalogApi github) {
    this.github = github;
  }

  @Override
  public boolean reads(String type, String target) {
    return TYPE.equals(type);
  }

  @Override
  public Read read(String org, String lastVersion) {
    return Read.of(text(org));
  }

  private Optional<String> text(String org) {
    List<Map<String, Object>> entities = new ArrayList<>();
    Set<String> users = new LinkedHashSet<>();
    for (JsonNode team : github.teams(org)) {
      String slug = team.path("slug").asText();
      List<String> members = github.members(org, slug);
      users.addAll(members);
      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("type", "team");
      spec.put("profile", Map.of("displayName", team.path("name").asText(slug)));
      if (team.path("parent").hasNonNull("slug")) {
        spec.put("parent", team.path("parent").path("slug").asText());
      }
      spec.put("children", List.of());
      spec.put("members", members);
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("name", slug);
      if (!team.path("description").asText("").isBlank()) {
        metadata.put("description", team.path("description").asText());
      }
      entities.add(entity("Group", metadata, spec));
    }
    for (String login : users) {
      entities.add(entity("User", Map.of("name", login), Map.of("memberOf", List.of())));
    }
    StringBuilder stream = new StringBuilder();
    for (Map<String, Object> entity : entities) {
      try {
        stream.append("---\n").append(JSON.writeValueAsString(entity)).append('\n');
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return Optional.of(stream.toString());
  }

  @Override
  public String resolve(String base, String relative) {
    return relative;
  }

  private static Map<String, Object> entity(
      String kind, Map<String, Object> metadata, Map<String, Object> spec) {
    Map<String, Object> entity = new LinkedHashMap<>();
    entity.put("apiVersion", "backstage.io/v1alpha1");
    entity.put("kind", kind);
    entity.put("metadata", metadata);
    entity.put("spec", spec);
    return entity;
  }
}
