package dev.paved.testfixtures.github;

import static dev.paved.testfixtures.StandIn.JSON;
import static dev.paved.testfixtures.StandIn.empty;
import static dev.paved.testfixtures.StandIn.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paved.testfixtures.StandIn.Call;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;

/**
 * The organisations of a {@link FakeGithub}: each organisation, its teams and their members, the
 * organisation's repository listing and repository creation, team permissions on repositories, and
 * GitHub's {@code Link} paging of listings.
 */
final class FakeGithubOrgs {

  private final FakeGithub github;
  private final Map<String, Long> organisations = new LinkedHashMap<>();
  private final Map<String, Long> teams = new LinkedHashMap<>();
  private final Map<String, Team> teamDetails = new LinkedHashMap<>();

  private record Team(String name, String description, String parent, List<String> members) {}

  FakeGithubOrgs(FakeGithub github) {
    this.github = github;
  }

  void organisation(String login) {
    if (!organisations.containsKey(login)) {
      organisations.put(login, github.nextId());
    }
  }

  void team(String org, String slug) {
    if (!teams.containsKey(org + "/" + slug)) {
      teams.put(org + "/" + slug, github.nextId());
    }
  }

  void details(
      String org,
      String slug,
      String name,
      String description,
      String parent,
      List<String> members) {
    teamDetails.put(org + "/" + slug, new Team(name, description, parent, List.copyOf(members)));
  }

  MockResponse answer(Call call, String[] parts) {
    String org = parts[1];
    Long id = organisations.get(org);
    if (id == null) {
      return FakeGithub.error(404, "Not Found");
    }
    if (parts.length == 2 && call.method().equals("GET")) {
      return json(
          200,
          JSON.createObjectNode()
              .put("login", org)
              .put("id", id)
              .put("node_id", "O_" + id)
              .put("url", github.apiUrl() + "/orgs/" + org)
              .put("repos_url", github.apiUrl() + "/orgs/" + org + "/repos")
              .put("type", "Organization"));
    }
    if (parts.length == 4 && parts[2].equals("teams") && call.method().equals("GET")) {
      Long team = teams.get(org + "/" + parts[3]);
      return team == null
          ? FakeGithub.error(404, "Not Found")
          : json(
              200,
              JSON.createObjectNode()
                  .put("id", team)
                  .put("node_id", "T_" + team)
                  .put("url", github.apiUrl() + "/teams/" + team)
                  .put("name", parts[3])
                  .put("slug", parts[3])
                  .put("privacy", "closed")
                  .put("permission", "pull"));
    }
    if (parts.length == 3 && parts[2].equals("repos") && call.method().equals("POST")) {
      return github.createRepository(org, call.json());
    }
    if (parts.length == 3 && parts[2].equals("repos") && call.method().equals("GET")) {
      ArrayNode repos = JSON.createArrayNode();
      github.allRepositories().stream()
          .filter(r -> r.owner.equals(org))
          .forEach(r -> repos.add(r.repoJson()));
      return page(call, repos);
    }
    if (parts.length == 3 && parts[2].equals("teams") && call.method().equals("GET")) {
      ArrayNode list = JSON.createArrayNode();
      teams.keySet().stream()
          .filter(key -> key.startsWith(org + "/"))
          .forEach(key -> list.add(teamJson(org, key.substring(org.length() + 1))));
      return page(call, list);
    }
    if (parts.length == 5
        && parts[2].equals("teams")
        && parts[4].equals("members")
        && call.method().equals("GET")) {
      if (!teams.containsKey(org + "/" + parts[3])) {
        return FakeGithub.error(404, "Not Found");
      }
      ArrayNode members = JSON.createArrayNode();
      Team team = teamDetails.get(org + "/" + parts[3]);
      for (String login : team == null ? List.<String>of() : team.members()) {
        members
            .addObject()
            .put("login", login)
            .put("id", Math.abs(login.hashCode()))
            .put("type", "User")
            .put("site_admin", false);
      }
      return page(call, members);
    }
    return github.unknownRoute(call);
  }

  private ObjectNode teamJson(String org, String slug) {
    long id = teams.get(org + "/" + slug);
    Team team = teamDetails.getOrDefault(org + "/" + slug, new Team(slug, null, null, List.of()));
    ObjectNode json =
        JSON.createObjectNode()
            .put("id", id)
            .put("node_id", "T_" + id)
            .put("url", github.apiUrl() + "/teams/" + id)
            .put("name", team.name())
            .put("slug", slug)
            .put("description", team.description())
            .put("privacy", "closed")
            .put("permission", "pull");
    if (team.parent() == null) {
      json.putNull("parent");
    } else {
      long parentId = teams.get(org + "/" + team.parent());
      json.putObject("parent")
          .put("id", parentId)
          .put("slug", team.parent())
          .put(
              "name",
              teamDetails
                  .getOrDefault(
                      org + "/" + team.parent(), new Team(team.parent(), null, null, List.of()))
                  .name());
    }
    return json;
  }

  /**
   * One page of a listing as GitHub pages it: {@code per_page} (default 30, at most 100) and {@code
   * page} (from 1), a {@code Link} header with {@code rel="next"} and {@code rel="last"} while more
   * pages follow.
   */
  private MockResponse page(Call call, ArrayNode all) {
    int perPage = Math.min(Math.min(intParameter(call, "per_page", 30), 100), github.maxPerPage);
    int page = Math.max(intParameter(call, "page", 1), 1);
    ArrayNode items = JSON.createArrayNode();
    for (int i = (page - 1) * perPage; i < Math.min(all.size(), page * perPage); i++) {
      items.add(all.get(i));
    }
    int last = Math.max(1, (all.size() + perPage - 1) / perPage);
    MockResponse.Builder answer = json(200, items).newBuilder();
    if (page < last) {
      answer.setHeader(
          "Link",
          "<"
              + pageUrl(call, page + 1)
              + ">; rel=\"next\", <"
              + pageUrl(call, last)
              + ">; rel=\"last\"");
    }
    return answer.build();
  }

  private String pageUrl(Call call, int page) {
    okhttp3.HttpUrl url =
        okhttp3.HttpUrl.get(
            github.baseUrl() + call.path() + (call.query() == null ? "" : "?" + call.query()));
    return url.newBuilder().setQueryParameter("page", String.valueOf(page)).build().toString();
  }

  private static int intParameter(Call call, String name, int otherwise) {
    try {
      String value = call.queryParameter(name);
      return value == null ? otherwise : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  /** {@code PUT /organizations/{org_id}/team/{team_id}/repos/{owner}/{repo}}. */
  MockResponse teamRepository(Call call, String[] parts) {
    String org =
        organisations.entrySet().stream()
            .filter(e -> String.valueOf(e.getValue()).equals(parts[1]))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElse(null);
    String team =
        teams.entrySet().stream()
            .filter(e -> String.valueOf(e.getValue()).equals(parts[3]))
            .map(Map.Entry::getKey)
            .filter(key -> key.startsWith(org + "/"))
            .findFirst()
            .orElse(null);
    FakeGithubRepository repo = github.repository(parts[5] + "/" + parts[6]);
    if (org == null || team == null || repo == null || !parts[4].equals("repos")) {
      return FakeGithub.error(404, "Not Found");
    }
    if (!call.method().equals("PUT")) {
      return github.unknownRoute(call);
    }
    repo.teamPermissions.put(
        team.substring(org.length() + 1), call.json().path("permission").asText("push"));
    return empty(204);
  }
}
