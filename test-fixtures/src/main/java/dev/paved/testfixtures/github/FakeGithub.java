package dev.paved.testfixtures.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paved.testfixtures.StandIn;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
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
 * endpoints Paved calls through hub4j and the catalog: organisations, their teams and members,
 * repositories (create with 422 "name already exists", get, edit, delete, the organisation's
 * listing with {@code Link} paging), contents (also raw, with an {@code ETag} and 304 on a matching
 * {@code If-None-Match}), the Git Data API, commits, compare, branches and their protection,
 * topics, team permissions, pull requests, the rate limit, and GitHub Apps' installation tokens. A
 * request without the token (or an installation token it issued) is 401, as GitHub answers it.
 */
public final class FakeGithub extends StandIn {

  public static final String TOKEN = "ghp_standin_e2e";
  static final String LOGIN = "paved-bot";
  private static final JsonNode AUTHOR =
      JSON.createObjectNode()
          .put("name", "Someone")
          .put("email", "someone@example.com")
          .put("date", "2026-01-01T00:00:00Z");

  /** The kinds of resources {@link #made(String)} counts. */
  public static final String REPOSITORY = "repository";

  public static final String BRANCH = "branch";
  public static final String PULL_REQUEST = "pull request";

  private final Map<String, FakeGithubRepository> repositories = new LinkedHashMap<>();
  private final List<String> deleted = new ArrayList<>();
  private long nextId = 1000;
  private volatile boolean workflowsWritable = true;
  private volatile int rateLimitRemaining = 4990;
  volatile int maxPerPage = 100;
  private final FakeGithubApps apps = new FakeGithubApps(this);
  private final FakeGithubOrgs orgs = new FakeGithubOrgs(this);

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

  /** A GitHub App, whose JWTs GitHub checks against its public key. */
  public synchronized void app(long appId, String owner, PublicKey key) {
    apps.app(appId, owner, key);
  }

  /** An installation of the app on an account, which issues installation access tokens. */
  public synchronized void installation(long appId, long installationId, String account) {
    apps.installation(appId, installationId, account);
  }

  /** What {@code GET /rate_limit} says is left of the hour's 5000 requests. */
  public void rateLimitRemaining(int remaining) {
    rateLimitRemaining = remaining;
  }

  /**
   * From now on answers {@code method} on paths matching {@code pathRegex} (under {@code /api/v3})
   * as GitHub does once the primary rate limit is spent: 403 with the {@code x-ratelimit-*}
   * headers, {@code x-ratelimit-reset} being {@code reset}.
   */
  public void rateLimitExhausted(String method, String pathRegex, Instant reset) {
    failWhen(
        method,
        pathRegex,
        403,
        "{\"message\":\"API rate limit exceeded for installation ID 42.\",\"documentation_url\":"
            + "\"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api\","
            + "\"status\":\"403\"}",
        Map.of(
            "x-ratelimit-limit", "5000",
            "x-ratelimit-remaining", "0",
            "x-ratelimit-used", "5000",
            "x-ratelimit-reset", String.valueOf(reset.getEpochSecond()),
            "x-ratelimit-resource", "core"));
  }

  public synchronized void organisation(String login) {
    orgs.organisation(login);
  }

  public synchronized void team(String org, String slug) {
    organisation(org);
    orgs.team(org, slug);
  }

  /** A team with its name, description, parent team's slug (or null) and members' logins. */
  public synchronized void team(
      String org,
      String slug,
      String name,
      String description,
      String parent,
      List<String> members) {
    team(org, slug);
    orgs.details(org, slug, name, description, parent, members);
  }

  /**
   * The most items a listing's page holds whatever {@code per_page} asks (GitHub's cap is 100), so
   * a test sees {@code Link: rel="next"} paging with a few items.
   */
  public void maxPerPage(int max) {
    maxPerPage = max;
  }

  /** Archives a repository, as its settings page does. */
  public synchronized void archive(String fullName) {
    repo(fullName).archived = true;
  }

  /** When the repository was last pushed to ({@code pushed_at}). */
  public synchronized void pushedAt(String fullName, Instant at) {
    repo(fullName).pushedAt = at.toString();
  }

  /** A commit on {@code branch} that deletes the file at {@code path}. */
  public synchronized void deleteFile(String fullName, String branch, String path) {
    FakeGitObjects git = repo(fullName).git;
    String parent = git.refs().get("refs/heads/" + branch);
    SortedMap<String, FakeGitObjects.Entry> tree =
        new TreeMap<>(git.treeFiles(git.commit(parent).orElseThrow().tree()).orElseThrow());
    if (tree.remove(path) == null) {
      throw new AssertionError(fullName + " has no " + path + " on " + branch);
    }
    git.refs()
        .put(
            "refs/heads/" + branch,
            git.commit(git.tree(tree), List.of(parent), "Delete " + path, AUTHOR));
  }

  /** A repository with one commit of {@code files} on {@code main}, as if pushed long ago. */
  public synchronized void repository(String owner, String name, Map<String, String> files) {
    repository(owner, name, files, "first commit");
  }

  /** A repository without a commit or a branch, as GitHub makes it without auto_init. */
  public synchronized void emptyRepository(String owner, String name) {
    organisation(owner);
    FakeGithubRepository repo = new FakeGithubRepository(nextId++, owner, name, "main", this);
    repo.visibility = "private";
    repositories.put(repo.fullName(), repo);
  }

  /** As {@link #repository(String, String, Map)}, the one commit having this message. */
  public synchronized void repository(
      String owner, String name, Map<String, String> files, String message) {
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
    String commit = repo.git.commit(repo.git.tree(tree), List.of(), message, AUTHOR);
    repo.git.refs().put("refs/heads/main", commit);
    repositories.put(repo.fullName(), repo);
  }

  /** A branch off {@code from} with one commit that adds or changes {@code files}. */
  public synchronized void branch(
      String fullName, String branch, String from, Map<String, String> files, String message) {
    FakeGitObjects git = repo(fullName).git;
    String parent = git.refs().get("refs/heads/" + from);
    SortedMap<String, FakeGitObjects.Entry> tree =
        new TreeMap<>(git.treeFiles(git.commit(parent).orElseThrow().tree()).orElseThrow());
    files.forEach(
        (path, text) ->
            tree.put(
                path,
                new FakeGitObjects.Entry(
                    "100644", git.blob(text.getBytes(StandardCharsets.UTF_8)))));
    git.refs()
        .put("refs/heads/" + branch, git.commit(git.tree(tree), List.of(parent), message, AUTHOR));
  }

  /** A pull request someone opened, as {@code POST /repos/{o}/{r}/pulls} makes it; its number. */
  public synchronized int pullRequest(
      String fullName, String head, String base, String title, String body) {
    ObjectNode request =
        JSON.createObjectNode().put("head", head).put("base", base).put("title", title);
    MockResponse answer = repo(fullName).pullRequests.openPull(request.put("body", body));
    if (answer.getCode() != 201) {
      throw new IllegalStateException("cannot open the pull request " + head + " -> " + base);
    }
    return repo(fullName).pulls.get(repo(fullName).pulls.size() - 1).path("number").asInt();
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

  /** The commit at the head of a branch. */
  public synchronized String head(String fullName, String branch) {
    return repo(fullName).git.refs().get("refs/heads/" + branch);
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

  /** The installation access tokens issued so far, oldest first. */
  public synchronized List<String> installationTokens() {
    return apps.tokens();
  }

  /** Repositories deleted so far, oldest first. */
  public synchronized List<String> deleted() {
    return List.copyOf(deleted);
  }

  /** The branches of a repository (without {@code refs/heads/}). */
  public synchronized java.util.Set<String> branches(String fullName) {
    java.util.Set<String> branches = new java.util.TreeSet<>();
    repo(fullName).git.refs().keySet().stream()
        .filter(ref -> ref.startsWith("refs/heads/"))
        .forEach(ref -> branches.add(ref.substring("refs/heads/".length())));
    return branches;
  }

  /** The repositories GitHub holds now ({@code owner/name}). */
  public synchronized java.util.Set<String> repositories() {
    return java.util.Set.copyOf(repositories.keySet());
  }

  long nextId() {
    return nextId++;
  }

  FakeGithubRepository repository(String fullName) {
    return repositories.get(fullName);
  }

  java.util.Collection<FakeGithubRepository> allRepositories() {
    return repositories.values();
  }

  void madeResource(String kind, String name) {
    made(kind, name);
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
    String[] parts = path.substring("/api/v3/".length()).split("/", -1);
    if (parts[0].equals("app")) {
      return apps.answer(call, parts);
    }
    if (!takesToken(call.header("Authorization"))) {
      return error(401, "Bad credentials");
    }
    String m = call.method();
    if (m.equals("GET") && path.equals("/api/v3/user")) {
      return json(
          200, JSON.createObjectNode().put("login", LOGIN).put("id", 1).put("type", "User"));
    }
    if (m.equals("GET") && path.equals("/api/v3/rate_limit")) {
      return rateLimit();
    }
    if (parts[0].equals("orgs") && parts.length >= 2) {
      return orgs.answer(call, parts);
    }
    if (parts[0].equals("organizations") && parts.length == 7 && parts[2].equals("team")) {
      return orgs.teamRepository(call, parts);
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

  private boolean takesToken(String authorization) {
    if (authorization == null || authorization.indexOf(' ') < 0) {
      return false;
    }
    String scheme = authorization.substring(0, authorization.indexOf(' '));
    String token = authorization.substring(scheme.length() + 1);
    return (scheme.equals("token") || scheme.equals("Bearer"))
        && (token.equals(TOKEN) || apps.issued(token));
  }

  MockResponse unknownRoute(Call call) {
    return unhandled(call, "{\"message\":\"Not Found\",\"status\":\"404\"}");
  }

  MockResponse createRepository(String org, JsonNode body) {
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
    made(REPOSITORY, repo.fullName());
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

  private MockResponse rateLimit() {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode resources = body.putObject("resources");
    for (String name : List.of("core", "search", "graphql", "integration_manifest")) {
      resources.set(name, limit());
    }
    body.set("rate", limit());
    return json(200, body);
  }

  private ObjectNode limit() {
    return JSON.createObjectNode()
        .put("limit", 5000)
        .put("remaining", rateLimitRemaining)
        .put("reset", 1795860000L)
        .put("used", 5000 - rateLimitRemaining);
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
