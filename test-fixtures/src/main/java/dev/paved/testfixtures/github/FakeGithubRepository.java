package dev.paved.testfixtures.github;

import static dev.paved.testfixtures.StandIn.JSON;
import static dev.paved.testfixtures.StandIn.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paved.testfixtures.StandIn.Call;
import dev.paved.testfixtures.github.FakeGitObjects.Commit;
import dev.paved.testfixtures.github.FakeGitObjects.Entry;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import mockwebserver3.MockResponse;

/**
 * One repository of {@link FakeGithub}: its git objects and the REST endpoints under {@code
 * /repos/{owner}/{repo}} that work on them (contents, Git Data, commits, compare, branches and
 * their protection, topics, pull requests), answering as GitHub's REST API documents.
 */
final class FakeGithubRepository {

  final long id;
  final String owner;
  final String name;
  String defaultBranch;
  String description;
  String visibility;
  boolean archived;
  String pushedAt = "2026-01-01T00:00:00Z";
  final FakeGitObjects git = new FakeGitObjects();
  final Map<String, JsonNode> protections = new LinkedHashMap<>();
  final List<String> topics = new ArrayList<>();
  final Map<String, String> teamPermissions = new LinkedHashMap<>();
  final List<ObjectNode> pulls = new ArrayList<>();

  private final String api;
  final String web;
  private final FakeGithubGitData gitData = new FakeGithubGitData(this);
  final FakeGithubPulls pullRequests = new FakeGithubPulls(this);

  final FakeGithub github;

  FakeGithubRepository(
      long id, String owner, String name, String defaultBranch, FakeGithub github) {
    this.id = id;
    this.owner = owner;
    this.name = name;
    this.defaultBranch = defaultBranch;
    this.github = github;
    this.api = github.apiUrl();
    this.web = github.webUrl();
  }

  String fullName() {
    return owner + "/" + name;
  }

  String apiUrl() {
    return api + "/repos/" + fullName();
  }

  ObjectNode repoJson() {
    ObjectNode repo = JSON.createObjectNode();
    repo.put("id", id).put("node_id", "R_" + id).put("name", name).put("full_name", fullName());
    repo.putObject("owner").put("login", owner).put("type", "Organization");
    repo.put("private", !"public".equals(visibility)).put("visibility", visibility);
    repo.put("description", description).put("fork", false).put("archived", archived);
    repo.put("pushed_at", pushedAt);
    repo.put("html_url", web + "/" + fullName()).put("url", apiUrl());
    repo.put("clone_url", web + "/" + fullName() + ".git");
    repo.put("default_branch", defaultBranch);
    ArrayNode names = repo.putArray("topics");
    topics.forEach(names::add);
    repo.putObject("permissions").put("admin", true).put("push", true).put("pull", true);
    return repo;
  }

  /** Answers a request below {@code /repos/{owner}/{repo}/}; {@code rest} is the part after it. */
  MockResponse answer(Call call, String rest, FakeGithub github) {
    String m = call.method();
    if (rest.startsWith("contents/")) {
      String path = rest.substring("contents/".length());
      return m.equals("GET") ? readContents(path, call) : putContents(path, call);
    }
    if (rest.startsWith("git/")) {
      return gitData.gitData(call, rest.substring("git/".length()));
    }
    if (m.equals("GET") && rest.equals("commits")) {
      return commitsTouching(call);
    }
    if (m.equals("GET") && rest.startsWith("commits/")) {
      return resolve(rest.substring("commits/".length()))
          .flatMap(git::commit)
          .map(c -> json(200, gitData.restCommit(c)))
          .orElseGet(() -> FakeGithub.error(422, "No commit found for SHA: " + rest));
    }
    if (m.equals("GET") && rest.startsWith("compare/")) {
      return gitData.compare(rest.substring("compare/".length()));
    }
    if (rest.startsWith("branches/")) {
      return branches(call, rest.substring("branches/".length()));
    }
    if (m.equals("PUT") && rest.equals("topics")) {
      topics.clear();
      call.json().path("names").forEach(n -> topics.add(n.asText()));
      ObjectNode body = JSON.createObjectNode();
      ArrayNode names = body.putArray("names");
      topics.forEach(names::add);
      return json(200, body);
    }
    if (rest.equals("pulls") || rest.startsWith("pulls/")) {
      return pullRequests.answer(call, rest);
    }
    return github.unknownRoute(call);
  }

  // --- contents ---

  private MockResponse readContents(String path, Call call) {
    String ref = call.queryParameter("ref");
    if (git.isEmpty()) {
      return FakeGithub.error(404, "This repository is empty.");
    }
    String at = ref == null ? defaultBranch : ref;
    Optional<String> head = resolve(at);
    if (head.isEmpty()) {
      return FakeGithub.error(404, "No commit found for the ref " + at);
    }
    SortedMap<String, Entry> files =
        git.treeFiles(git.commit(head.get()).orElseThrow().tree()).orElseThrow();
    Entry file = files.get(path);
    if (file != null) {
      String accept = call.header("Accept");
      return accept != null && accept.startsWith("application/vnd.github.raw")
          ? raw(file, call.header("If-None-Match"))
          : json(200, content(path, file));
    }
    ArrayNode listing = JSON.createArrayNode();
    String prefix = path.isEmpty() ? "" : path + "/";
    List<String> seen = new ArrayList<>();
    files.forEach(
        (p, e) -> {
          if (p.startsWith(prefix)) {
            String child = p.substring(prefix.length()).split("/", 2)[0];
            if (!seen.contains(child)) {
              seen.add(child);
              boolean isFile = !p.substring(prefix.length()).contains("/");
              listing
                  .addObject()
                  .put("type", isFile ? "file" : "dir")
                  .put("name", child)
                  .put("path", prefix + child)
                  .put("sha", isFile ? e.sha() : "0".repeat(40));
            }
          }
        });
    return listing.isEmpty() ? FakeGithub.error(404, "Not Found") : json(200, listing);
  }

  /** The raw media type: the file's bytes, tagged; a 304 when the client holds that tag. */
  private MockResponse raw(Entry file, String ifNoneMatch) {
    String etag = "\"" + file.sha() + "\"";
    if (etag.equals(ifNoneMatch)) {
      return new MockResponse.Builder().code(304).setHeader("ETag", etag).build();
    }
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/vnd.github.raw+json; charset=utf-8")
        .setHeader("ETag", etag)
        .body(new okio.Buffer().write(git.blobBytes(file.sha()).orElseThrow()))
        .build();
  }

  private ObjectNode content(String path, Entry file) {
    byte[] bytes = git.blobBytes(file.sha()).orElseThrow();
    ObjectNode content = JSON.createObjectNode();
    content.put("type", "file").put("encoding", "base64").put("size", bytes.length);
    content.put("name", path.substring(path.lastIndexOf('/') + 1)).put("path", path);
    content.put("content", Base64.getMimeEncoder().encodeToString(bytes) + "\n");
    content.put("sha", file.sha()).put("url", apiUrl() + "/contents/" + path);
    content.put("git_url", apiUrl() + "/git/blobs/" + file.sha());
    content.put("html_url", web + "/" + fullName() + "/blob/" + defaultBranch + "/" + path);
    return content;
  }

  private MockResponse putContents(String path, Call call) {
    JsonNode body = call.json();
    String branch = body.path("branch").asText(defaultBranch);
    String head = git.refs().get("refs/heads/" + branch);
    if (head == null && !git.isEmpty()) {
      return FakeGithub.error(404, "Branch " + branch + " not found");
    }
    SortedMap<String, Entry> files =
        head == null
            ? new TreeMap<>()
            : git.treeFiles(git.commit(head).orElseThrow().tree()).orElseThrow();
    Entry existing = files.get(path);
    if (existing != null && !existing.sha().equals(body.path("sha").asText(null))) {
      return body.has("sha")
          ? FakeGithub.error(409, path + " does not match " + body.path("sha").asText())
          : FakeGithub.error(422, "Invalid request.\n\n\"sha\" wasn't supplied.");
    }
    if (github.refusesWorkflow(path)) {
      return FakeGithub.error(404, "Not Found");
    }
    byte[] bytes = Base64.getMimeDecoder().decode(body.path("content").asText());
    files.put(path, new Entry("100644", git.blob(bytes)));
    String tree = git.tree(files);
    String commit =
        git.commit(
            tree,
            head == null ? List.of() : List.of(head),
            body.path("message").asText(),
            FakeGithubGitData.author(body));
    git.refs().put("refs/heads/" + branch, commit);
    if (head == null) {
      github.madeResource(FakeGithub.BRANCH, fullName() + ":" + branch);
    }
    ObjectNode answer = JSON.createObjectNode();
    answer.set("content", content(path, files.get(path)));
    answer.set("commit", gitData.gitCommit(git.commit(commit).orElseThrow()));
    return json(existing == null ? 201 : 200, answer);
  }

  /** A branch name or a commit SHA to the commit's SHA. */
  /**
   * {@code GET /repos/{owner}/{repo}/commits?sha=&path=&per_page=}: the commits reachable from
   * {@code sha} (a branch or commit; the default branch without it), newest first along first
   * parents, only those that changed something at or under {@code path} when it is given; 409 for
   * an empty repository, 404 for an unknown ref, as GitHub answers.
   */
  private MockResponse commitsTouching(Call call) {
    if (git.isEmpty()) {
      return FakeGithub.error(409, "Git Repository is empty.");
    }
    String ref = call.queryParameter("sha") == null ? defaultBranch : call.queryParameter("sha");
    String path = call.queryParameter("path");
    String prefix = path == null ? null : path.replaceAll("^/+|/+$", "");
    int perPage =
        call.queryParameter("per_page") == null
            ? 30
            : Math.max(1, Math.min(100, Integer.parseInt(call.queryParameter("per_page"))));
    Optional<String> head = resolve(ref);
    if (head.isEmpty()) {
      return FakeGithub.error(404, "No commit found for SHA: " + ref);
    }
    ArrayNode page = JSON.createArrayNode();
    Optional<Commit> at = git.commit(head.get());
    while (at.isPresent() && page.size() < perPage) {
      Commit commit = at.get();
      Optional<Commit> parent =
          commit.parents().isEmpty() ? Optional.empty() : git.commit(commit.parents().get(0));
      if (prefix == null
          || !under(commit.tree(), prefix)
              .equals(parent.map(p -> under(p.tree(), prefix)).orElse(Map.of()))) {
        page.add(gitData.restCommit(commit));
      }
      at = parent;
    }
    return json(200, page);
  }

  /** The files of a tree at or under {@code prefix}, with their blobs. */
  private Map<String, Entry> under(String tree, String prefix) {
    Map<String, Entry> files = new TreeMap<>();
    git.treeFiles(tree)
        .orElse(new TreeMap<>())
        .forEach(
            (file, entry) -> {
              if (file.equals(prefix) || file.startsWith(prefix + "/")) {
                files.put(file, entry);
              }
            });
    return files;
  }

  Optional<String> resolve(String ref) {
    String branch = git.refs().get("refs/heads/" + ref);
    if (branch != null) {
      return Optional.of(branch);
    }
    return git.commit(ref).map(Commit::sha);
  }

  private MockResponse branches(Call call, String rest) {
    boolean protection = rest.endsWith("/protection");
    String branch = protection ? rest.substring(0, rest.length() - "/protection".length()) : rest;
    String head = git.refs().get("refs/heads/" + branch);
    if (head == null) {
      return FakeGithub.error(404, "Branch not found");
    }
    String url = apiUrl() + "/branches/" + branch;
    if (!protection && call.method().equals("GET")) {
      ObjectNode body = JSON.createObjectNode().put("name", branch);
      body.putObject("commit").put("sha", head).put("url", apiUrl() + "/commits/" + head);
      body.put("protected", protections.containsKey(branch))
          .put("protection_url", url + "/protection");
      return json(200, body);
    }
    if (protection && call.method().equals("PUT")) {
      JsonNode asked = call.json();
      for (String field :
          List.of(
              "required_status_checks",
              "enforce_admins",
              "required_pull_request_reviews",
              "restrictions")) {
        if (!asked.has(field)) {
          return FakeGithub.error(422, "Invalid request.\n\n\"" + field + "\" wasn't supplied.");
        }
      }
      protections.put(branch, asked);
      ObjectNode body = JSON.createObjectNode().put("url", url + "/protection");
      body.putObject("enforce_admins")
          .put("url", url + "/protection/enforce_admins")
          .put("enabled", asked.path("enforce_admins").asBoolean());
      if (asked.path("required_pull_request_reviews").isObject()) {
        ObjectNode reviews = ((ObjectNode) asked.path("required_pull_request_reviews")).deepCopy();
        reviews.put("url", url + "/protection/required_pull_request_reviews");
        body.set("required_pull_request_reviews", reviews);
      }
      return json(200, body);
    }
    return FakeGithub.error(404, "Not Found");
  }
}
