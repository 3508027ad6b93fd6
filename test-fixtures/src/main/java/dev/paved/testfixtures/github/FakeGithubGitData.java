package dev.paved.testfixtures.github;

import static dev.paved.testfixtures.StandIn.JSON;
import static dev.paved.testfixtures.StandIn.empty;
import static dev.paved.testfixtures.StandIn.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paved.testfixtures.StandIn.Call;
import dev.paved.testfixtures.github.FakeGitObjects.Commit;
import dev.paved.testfixtures.github.FakeGitObjects.Entry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import mockwebserver3.MockResponse;

/**
 * The Git Data API of one {@link FakeGithubRepository} (blobs, trees, commits, refs) and its REST
 * commits and compare, answering as GitHub documents them (409 on an empty repository, 422 for an
 * unknown object, a ref update that is not a fast forward, or a protected branch).
 */
final class FakeGithubGitData {

  private final FakeGithubRepository repo;
  private final FakeGitObjects git;

  FakeGithubGitData(FakeGithubRepository repo) {
    this.repo = repo;
    this.git = repo.git;
  }

  MockResponse gitData(Call call, String rest) {
    String m = call.method();
    if (rest.startsWith("refs")) {
      return refs(call, rest.equals("refs") ? "" : rest.substring("refs/".length()));
    }
    if (git.isEmpty()) {
      return FakeGithub.error(409, "Git Repository is empty.");
    }
    JsonNode body = call.json();
    if (m.equals("POST") && rest.equals("blobs")) {
      String text = body.path("content").asText();
      byte[] bytes =
          "base64".equals(body.path("encoding").asText("utf-8"))
              ? Base64.getMimeDecoder().decode(text)
              : text.getBytes(StandardCharsets.UTF_8);
      String sha = git.blob(bytes);
      return json(
          201,
          JSON.createObjectNode().put("sha", sha).put("url", repo.apiUrl() + "/git/blobs/" + sha));
    }
    if (m.equals("GET") && rest.startsWith("blobs/")) {
      String sha = rest.substring("blobs/".length());
      return git.blobBytes(sha)
          .map(
              b ->
                  json(
                      200,
                      JSON.createObjectNode()
                          .put("sha", sha)
                          .put("size", b.length)
                          .put("encoding", "base64")
                          .put("content", Base64.getMimeEncoder().encodeToString(b))))
          .orElseGet(() -> FakeGithub.error(404, "Not Found"));
    }
    if (m.equals("POST") && rest.equals("trees")) {
      return createTree(body);
    }
    if (m.equals("POST") && rest.equals("commits")) {
      List<String> parents = new ArrayList<>();
      body.path("parents").forEach(p -> parents.add(p.asText()));
      String tree = body.path("tree").asText();
      if (git.treeFiles(tree).isEmpty()) {
        return FakeGithub.error(422, "Tree SHA does not exist");
      }
      if (parents.stream().anyMatch(p -> git.commit(p).isEmpty())) {
        return FakeGithub.error(422, "Parent SHA does not exist or is not a commit object");
      }
      String sha = git.commit(tree, parents, body.path("message").asText(), author(body));
      return json(201, gitCommit(git.commit(sha).orElseThrow()));
    }
    return FakeGithub.error(404, "Not Found");
  }

  private MockResponse createTree(JsonNode body) {
    SortedMap<String, Entry> files = new TreeMap<>();
    if (body.hasNonNull("base_tree")) {
      Optional<SortedMap<String, Entry>> base = git.treeFiles(body.path("base_tree").asText());
      if (base.isEmpty()) {
        return FakeGithub.error(422, "base_tree is not a valid tree oid");
      }
      files.putAll(base.get());
    }
    for (JsonNode entry : body.path("tree")) {
      if (repo.github.refusesWorkflow(entry.path("path").asText())) {
        return FakeGithub.error(404, "Not Found");
      }
      String path = entry.path("path").asText();
      String mode = entry.path("mode").asText();
      if (entry.has("content")) {
        files.put(
            path,
            new Entry(
                mode, git.blob(entry.path("content").asText().getBytes(StandardCharsets.UTF_8))));
      } else if (entry.has("sha") && entry.path("sha").isNull()) {
        files.remove(path);
      } else if (git.hasBlob(entry.path("sha").asText())) {
        files.put(path, new Entry(mode, entry.path("sha").asText()));
      } else {
        return FakeGithub.error(
            422, "tree.sha " + entry.path("sha").asText() + " is not a valid blob");
      }
    }
    String sha = git.tree(files);
    ObjectNode tree =
        JSON.createObjectNode().put("sha", sha).put("url", repo.apiUrl() + "/git/trees/" + sha);
    ArrayNode entries = tree.putArray("tree");
    files.forEach(
        (path, e) ->
            entries
                .addObject()
                .put("path", path)
                .put("mode", e.mode())
                .put("type", "blob")
                .put("sha", e.sha()));
    tree.put("truncated", false);
    return json(201, tree);
  }

  MockResponse refs(Call call, String ref) {
    String full = "refs/" + ref;
    JsonNode body = call.json();
    switch (call.method()) {
      case "GET" -> {
        if (git.isEmpty()) {
          return FakeGithub.error(409, "Git Repository is empty.");
        }
        if (git.refs().containsKey(full)) {
          return json(200, ref(full, git.refs().get(full)));
        }
        // GitHub answers a prefix of refs with the list of refs it starts
        ArrayNode matching = JSON.createArrayNode();
        git.refs()
            .forEach(
                (name, sha) -> {
                  if (name.startsWith(full + "/")) {
                    matching.add(ref(name, sha));
                  }
                });
        return matching.isEmpty() ? FakeGithub.error(404, "Not Found") : json(200, matching);
      }
      case "POST" -> {
        String name = body.path("ref").asText();
        String sha = body.path("sha").asText();
        if (!name.startsWith("refs/") || name.split("/").length < 3) {
          return FakeGithub.error(
              422, "Reference name must start with 'refs/' and have at least two slashes.");
        }
        if (git.refs().containsKey(name)) {
          return FakeGithub.error(422, "Reference already exists");
        }
        if (git.commit(sha).isEmpty()) {
          return FakeGithub.error(422, "Object does not exist");
        }
        git.refs().put(name, sha);
        if (name.startsWith("refs/heads/")) {
          repo.github.madeResource(
              FakeGithub.BRANCH, repo.fullName() + ":" + name.substring("refs/heads/".length()));
        }
        return json(201, ref(name, sha));
      }
      case "PATCH" -> {
        String old = git.refs().get(full);
        String sha = body.path("sha").asText();
        if (old == null) {
          return FakeGithub.error(422, "Reference does not exist");
        }
        if (git.commit(sha).isEmpty()) {
          return FakeGithub.error(422, "Object does not exist");
        }
        if (full.startsWith("refs/heads/")
            && repo.protections.containsKey(full.substring("refs/heads/".length()))) {
          return FakeGithub.error(422, "Protected branch update failed for " + full + ".");
        }
        boolean fastForward = git.between(sha, old).isEmpty(); // old is an ancestor of sha
        if (!body.path("force").asBoolean(false) && !fastForward) {
          return FakeGithub.error(422, "Update is not a fast forward");
        }
        git.refs().put(full, sha);
        return json(200, ref(full, sha));
      }
      case "DELETE" -> {
        if (git.refs().remove(full) == null) {
          return FakeGithub.error(422, "Reference does not exist");
        }
        return empty(204);
      }
      default -> {
        return FakeGithub.error(404, "Not Found");
      }
    }
  }

  private ObjectNode ref(String name, String sha) {
    ObjectNode ref = JSON.createObjectNode().put("ref", name).put("node_id", "REF_" + name);
    ref.put("url", repo.apiUrl() + "/git/" + name);
    ref.putObject("object")
        .put("type", "commit")
        .put("sha", sha)
        .put("url", repo.apiUrl() + "/git/commits/" + sha);
    return ref;
  }

  ObjectNode gitCommit(Commit commit) {
    ObjectNode json =
        JSON.createObjectNode().put("sha", commit.sha()).put("node_id", "C_" + commit.sha());
    json.put("url", repo.apiUrl() + "/git/commits/" + commit.sha());
    json.put("html_url", repo.web + "/" + repo.fullName() + "/commit/" + commit.sha());
    json.set("author", commit.author());
    json.set("committer", commit.author());
    json.put("message", commit.message());
    json.putObject("tree")
        .put("sha", commit.tree())
        .put("url", repo.apiUrl() + "/git/trees/" + commit.tree());
    ArrayNode parents = json.putArray("parents");
    commit
        .parents()
        .forEach(
            p -> parents.addObject().put("sha", p).put("url", repo.apiUrl() + "/git/commits/" + p));
    json.putObject("verification").put("verified", false).put("reason", "unsigned");
    return json;
  }

  ObjectNode restCommit(Commit commit) {
    ObjectNode json =
        JSON.createObjectNode().put("sha", commit.sha()).put("node_id", "C_" + commit.sha());
    ObjectNode inner = json.putObject("commit");
    inner.set("author", commit.author());
    inner.set("committer", commit.author());
    inner.put("message", commit.message());
    inner
        .putObject("tree")
        .put("sha", commit.tree())
        .put("url", repo.apiUrl() + "/git/trees/" + commit.tree());
    inner.put("url", repo.apiUrl() + "/git/commits/" + commit.sha());
    json.put("url", repo.apiUrl() + "/commits/" + commit.sha());
    json.put("html_url", repo.web + "/" + repo.fullName() + "/commit/" + commit.sha());
    ArrayNode parents = json.putArray("parents");
    commit
        .parents()
        .forEach(
            p -> parents.addObject().put("sha", p).put("url", repo.apiUrl() + "/commits/" + p));
    json.putArray("files");
    return json;
  }

  MockResponse compare(String range) {
    String[] ends = range.split("\\.\\.\\.", 2);
    Optional<String> base = ends.length == 2 ? repo.resolve(ends[0]) : Optional.empty();
    Optional<String> head = ends.length == 2 ? repo.resolve(ends[1]) : Optional.empty();
    if (base.isEmpty() || head.isEmpty()) {
      return FakeGithub.error(404, "Not Found");
    }
    List<Commit> ahead = git.between(base.get(), head.get());
    int behind = git.between(head.get(), base.get()).size();
    ObjectNode body = JSON.createObjectNode();
    body.put("url", repo.apiUrl() + "/compare/" + range);
    body.put(
        "status",
        ahead.isEmpty()
            ? (behind == 0 ? "identical" : "behind")
            : behind == 0 ? "ahead" : "diverged");
    body.put("ahead_by", ahead.size()).put("behind_by", behind).put("total_commits", ahead.size());
    body.put("html_url", repo.web + "/" + repo.fullName() + "/compare/" + range);
    body.put("permalink_url", repo.web + "/" + repo.fullName() + "/compare/" + range);
    body.put("diff_url", repo.web + "/" + repo.fullName() + "/compare/" + range + ".diff");
    body.put("patch_url", repo.web + "/" + repo.fullName() + "/compare/" + range + ".patch");
    body.set("base_commit", restCommit(git.commit(base.get()).orElseThrow()));
    String mergeBase = git.mergeBase(base.get(), head.get());
    if (mergeBase == null) {
      return FakeGithub.error(
          404, "No common ancestor between " + ends[0] + " and " + ends[1] + ".");
    }
    body.set("merge_base_commit", restCommit(git.commit(mergeBase).orElseThrow()));
    ArrayNode commits = body.putArray("commits");
    ahead.forEach(c -> commits.add(restCommit(c)));
    body.putArray("files");
    return json(200, body);
  }

  static JsonNode author(JsonNode body) {
    JsonNode author = body.path("author");
    if (author.isObject()) {
      return author;
    }
    return JSON.createObjectNode()
        .put("name", FakeGithub.LOGIN)
        .put("email", "bot@example.com")
        .put("date", "2026-11-28T10:00:00Z");
  }
}
