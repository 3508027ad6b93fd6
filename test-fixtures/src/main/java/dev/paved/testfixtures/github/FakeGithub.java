package dev.paved.testfixtures.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paved.testfixtures.StandIn;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import mockwebserver3.MockResponse;

/**
 * A stateful stand-in for GitHub Enterprise Server's REST API (under {@code /api/v3}), for the
 * endpoints Paved calls through hub4j: organisations and their teams, repositories (create with 422
 * "name already exists", get, edit, delete), contents, the Git Data API, commits, compare, branches
 * and their protection, topics, team permissions, pull requests and the rate limit. A request
 * without the token is 401, as GitHub answers it.
 */
public final class FakeGithub extends StandIn {

  public static final String TOKEN = "ghp_standin_e2e";
  static final String LOGIN = "paved-bot";

  private final Map<String, Long> organisations = new LinkedHashMap<>();
  private final Map<String, Long> teams = new LinkedHashMap<>();
  private final Map<String, FakeGithubRepository> repositories = new LinkedHashMap<>();
  private final List<String> deleted = new ArrayList<>();
  private long nextId = 1000;
  private volatile boolean workflowsWritable = true;

  /** What Paved's {@code PAVED_GITHUB_API_URL} is set to: a GitHub Enterprise Server address. */
  public String apiUrl() {
    return baseUrl() + "/api/v3";
  }

  /** Where repositories' web pages are ({@code html_url}). */
  public String webUrl() {
    return baseUrl();
  }

  @Override
  protected String jsonContentType() {
    return "application/json; charset=utf-8";
  }

  // --- seeding ---

  /**
   * Whether Paved's token may write workflow files ({@code workflow} scope, or the Workflows
   * permission). Without, GitHub answers 404 to a tree or a file under {@code .github/workflows/}.
   */
  public void workflowsWritable(boolean writable) {
    workflowsWritable = writable;
  }

  boolean refusesWorkflow(String path) {
    return !workflowsWritable && path.startsWith(".github/workflows/");
  }

  public synchronized void organisation(String login) {
    organisations.putIfAbsent(login, nextId++);
  }

  public synchronized void team(String org, String slug) {
    organisation(org);
    teams.putIfAbsent(org + "/" + slug, nextId++);
  }

  /** A repository with one commit of {@code files} on {@code main}, as if pushed long ago. */
  public synchronized void repository(String owner, String name, Map<String, String> files) {
    organisation(owner);
    FakeGithubRepository repo = new FakeGithubRepository(nextId++, owner, name, "main", this);
    repo.visibility = "private";
    SortedMap<String, FakeGitObjects.Entry> tree = new TreeMap<>();
    files.forEach(
        (path, text) ->
            tree.put(
                path,
                new FakeGitObjects.Entry(
                    "100644", repo.git.blob(text.getBytes(StandardCharsets.UTF_8)))));
    ObjectNode author =
        JSON.createObjectNode()
            .put("name", "Someone")
            .put("email", "someone@example.com")
            .put("date", "2026-01-01T00:00:00Z");
    String commit = repo.git.commit(repo.git.tree(tree), List.of(), "first commit", author);
    repo.git.refs().put("refs/heads/main", commit);
    repositories.put(repo.fullName(), repo);
  }

  // --- what GitHub holds now ---

  public synchronized boolean hasRepository(String fullName) {
    return repositories.containsKey(fullName);
  }

  /** The repository's JSON as {@code GET /repos/{o}/{r}} answers it. */
  public synchronized Optional<JsonNode> repositoryJson(String fullName) {
    return Optional.ofNullable(repositories.get(fullName)).map(FakeGithubRepository::repoJson);
  }

  /** The files at the head of a branch, as text. */
  public synchronized Map<String, String> files(String fullName, String branch) {
    Map<String, String> files = new TreeMap<>();
    repo(fullName)
        .git
        .files(branch)
        .forEach((path, bytes) -> files.put(path, new String(bytes, StandardCharsets.UTF_8)));
    return files;
  }

  /** The commit messages of a branch, newest first (first parents). */
  public synchronized List<String> commitMessages(String fullName, String branch) {
    FakeGitObjects git = repo(fullName).git;
    List<String> messages = new ArrayList<>();
    String sha = git.refs().get("refs/heads/" + branch);
    while (sha != null) {
      FakeGitObjects.Commit commit = git.commit(sha).orElseThrow();
      messages.add(commit.message());
      sha = commit.parents().isEmpty() ? null : commit.parents().get(0);
    }
    return messages;
  }

  /** The branch protection Paved asked for, as it sent it; empty when the branch has none. */
  public synchronized Optional<JsonNode> protection(String fullName, String branch) {
    return Optional.ofNullable(repo(fullName).protections.get(branch));
  }

  /** The permission of an organisation's team on the repository, or null. */
  public synchronized String teamPermission(String fullName, String teamSlug) {
    return repo(fullName).teamPermissions.get(teamSlug);
  }

  public synchronized List<JsonNode> pullRequests(String fullName) {
    return List.copyOf(repo(fullName).pulls);
  }

  /** Repositories deleted so far, oldest first. */
  public synchronized List<String> deleted() {
    return List.copyOf(deleted);
  }

  private FakeGithubRepository repo(String fullName) {
    FakeGithubRepository repo = repositories.get(fullName);
    if (repo == null) {
      throw new AssertionError("GitHub has no repository " + fullName);
    }
    return repo;
  }

  // --- the API ---

  @Override
  protected MockResponse answer(Call call) {
    String path = call.path();
    if (!path.startsWith("/api/v3/")) {
      return unknownRoute(call);
    }
    if (!("token " + TOKEN).equals(call.headers().get("Authorization"))) {
      return error(401, "Bad credentials");
    }
    String[] parts = path.substring("/api/v3/".length()).split("/", -1);
    String m = call.method();
    if (m.equals("GET") && path.equals("/api/v3/user")) {
      return json(
          200, JSON.createObjectNode().put("login", LOGIN).put("id", 1).put("type", "User"));
    }
    if (m.equals("GET") && path.equals("/api/v3/rate_limit")) {
      return rateLimit();
    }
    if (parts[0].equals("orgs") && parts.length >= 2) {
      return organisations(call, parts);
    }
    if (parts[0].equals("organizations") && parts.length == 7 && parts[2].equals("team")) {
      return teamRepository(call, parts);
    }
    if (parts[0].equals("repos") && parts.length >= 3) {
      FakeGithubRepository repo = repositories.get(parts[1] + "/" + parts[2]);
      if (repo == null) {
        return error(404, "Not Found");
      }
      if (parts.length == 3) {
        return repository(call, repo);
      }
      String rest = path.substring(("/api/v3/repos/" + repo.fullName() + "/").length());
      return repo.answer(call, rest, this);
    }
    return unknownRoute(call);
  }

  MockResponse unknownRoute(Call call) {
    return unhandled(call, "{\"message\":\"Not Found\",\"status\":\"404\"}");
  }

  private MockResponse organisations(Call call, String[] parts) {
    String org = parts[1];
    Long id = organisations.get(org);
    if (id == null) {
      return error(404, "Not Found");
    }
    if (parts.length == 2 && call.method().equals("GET")) {
      return json(
          200,
          JSON.createObjectNode()
              .put("login", org)
              .put("id", id)
              .put("node_id", "O_" + id)
              .put("url", apiUrl() + "/orgs/" + org)
              .put("repos_url", apiUrl() + "/orgs/" + org + "/repos")
              .put("type", "Organization"));
    }
    if (parts.length == 4 && parts[2].equals("teams") && call.method().equals("GET")) {
      Long team = teams.get(org + "/" + parts[3]);
      return team == null
          ? error(404, "Not Found")
          : json(
              200,
              JSON.createObjectNode()
                  .put("id", team)
                  .put("node_id", "T_" + team)
                  .put("url", apiUrl() + "/teams/" + team)
                  .put("name", parts[3])
                  .put("slug", parts[3])
                  .put("privacy", "closed")
                  .put("permission", "pull"));
    }
    if (parts.length == 3 && parts[2].equals("repos") && call.method().equals("POST")) {
      return createRepository(org, call.json());
    }
    return unknownRoute(call);
  }

  private MockResponse createRepository(String org, JsonNode body) {
    String name = body.path("name").asText();
    if (name.isBlank()) {
      return error(422, "Repository creation failed.");
    }
    if (repositories.containsKey(org + "/" + name)) {
      return json(
          422,
          "{\"message\":\"Repository creation failed.\",\"errors\":[{\"resource\":\"Repository\","
              + "\"code\":\"custom\",\"field\":\"name\",\"message\":\"name already exists on this"
              + " account\"}],\"documentation_url\":\"https://docs.github.com/enterprise-server@3.17"
              + "/rest/repos/repos#create-an-organization-repository\",\"status\":\"422\"}");
    }
    FakeGithubRepository repo = new FakeGithubRepository(nextId++, org, name, "main", this);
    repo.description = body.path("description").asText(null);
    repo.visibility =
        body.path("visibility")
            .asText(body.path("private").asBoolean(false) ? "private" : "public");
    if (body.path("auto_init").asBoolean(false)) {
      return error(422, "this stand-in makes empty repositories only (auto_init: false)");
    }
    repositories.put(repo.fullName(), repo);
    return json(201, repo.repoJson());
  }

  private MockResponse repository(Call call, FakeGithubRepository repo) {
    switch (call.method()) {
      case "GET" -> {
        return json(200, repo.repoJson());
      }
      case "PATCH" -> {
        JsonNode body = call.json();
        if (body.hasNonNull("default_branch")) {
          String branch = body.path("default_branch").asText();
          if (!repo.git.refs().containsKey("refs/heads/" + branch)) {
            return error(422, "Validation Failed");
          }
          repo.defaultBranch = branch;
        }
        if (body.hasNonNull("description")) {
          repo.description = body.path("description").asText();
        }
        return json(200, repo.repoJson());
      }
      case "DELETE" -> {
        repositories.remove(repo.fullName());
        deleted.add(repo.fullName());
        return empty(204);
      }
      default -> {
        return unknownRoute(call);
      }
    }
  }

  /** {@code PUT /organizations/{org_id}/team/{team_id}/repos/{owner}/{repo}}. */
  private MockResponse teamRepository(Call call, String[] parts) {
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
    FakeGithubRepository repo = repositories.get(parts[5] + "/" + parts[6]);
    if (org == null || team == null || repo == null || !parts[4].equals("repos")) {
      return error(404, "Not Found");
    }
    if (!call.method().equals("PUT")) {
      return unknownRoute(call);
    }
    repo.teamPermissions.put(
        team.substring(org.length() + 1), call.json().path("permission").asText("push"));
    return empty(204);
  }

  private MockResponse rateLimit() {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode resources = body.putObject("resources");
    for (String name : List.of("core", "search", "graphql", "integration_manifest")) {
      resources.set(name, limit());
    }
    body.set("rate", limit());
    return json(200, body);
  }

  private static ObjectNode limit() {
    return JSON.createObjectNode()
        .put("limit", 5000)
        .put("remaining", 4990)
        .put("reset", 1795860000L)
        .put("used", 10);
  }

  static MockResponse error(int status, String message) {
    return json(
        status,
        JSON.createObjectNode()
            .put("message", message)
            .put("documentation_url", "https://docs.github.com/enterprise-server@3.17/rest")
            .put("status", String.valueOf(status)));
  }
}
