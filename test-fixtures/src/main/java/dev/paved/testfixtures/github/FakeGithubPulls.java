package dev.paved.testfixtures.github;

import static dev.paved.testfixtures.StandIn.JSON;
import static dev.paved.testfixtures.StandIn.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paved.testfixtures.StandIn.Call;
import java.util.List;
import mockwebserver3.MockResponse;

/**
 * The pull requests of one {@link FakeGithubRepository}: list (by state and {@code owner:branch}
 * head), open (422 when the branch is missing or one is open already), read and edit.
 */
final class FakeGithubPulls {

  private final FakeGithubRepository repo;

  FakeGithubPulls(FakeGithubRepository repo) {
    this.repo = repo;
  }

  MockResponse answer(Call call, String rest) {
    if (rest.equals("pulls") && call.method().equals("GET")) {
      String state = call.queryParameter("state") == null ? "open" : call.queryParameter("state");
      String head = call.queryParameter("head");
      ArrayNode list = JSON.createArrayNode();
      for (ObjectNode pull : repo.pulls) {
        boolean stateFits = state.equals("all") || pull.path("state").asText().equals(state);
        boolean headFits = head == null || pull.path("head").path("label").asText().equals(head);
        if (stateFits && headFits) {
          list.add(pull);
        }
      }
      return json(200, list);
    }
    if (rest.equals("pulls") && call.method().equals("POST")) {
      MockResponse opened = openPull(call.json());
      if (opened.getCode() == 201) {
        repo.github.madeResource(
            FakeGithub.PULL_REQUEST,
            repo.fullName() + ":" + call.json().path("head").asText().replaceFirst("^.*:", ""));
      }
      return opened;
    }
    int number;
    try {
      number = Integer.parseInt(rest.substring("pulls/".length()));
    } catch (NumberFormatException e) {
      return FakeGithub.error(404, "Not Found");
    }
    ObjectNode pull =
        repo.pulls.stream()
            .filter(p -> p.path("number").asInt() == number)
            .findFirst()
            .orElse(null);
    if (pull == null) {
      return FakeGithub.error(404, "Not Found");
    }
    if (call.method().equals("PATCH")) {
      JsonNode body = call.json();
      for (String field : List.of("state", "title", "body")) {
        if (body.hasNonNull(field)) {
          pull.put(field, body.path(field).asText());
        }
      }
    }
    return json(200, pull);
  }

  MockResponse openPull(JsonNode body) {
    String head = body.path("head").asText();
    String base = body.path("base").asText();
    String headBranch = head.contains(":") ? head.substring(head.indexOf(':') + 1) : head;
    String headSha = repo.git.refs().get("refs/heads/" + headBranch);
    String baseSha = repo.git.refs().get("refs/heads/" + base);
    if (headSha == null || baseSha == null || body.path("title").asText().isBlank()) {
      return json(
          422,
          "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"PullRequest\","
              + "\"field\":\""
              + (headSha == null ? "head" : baseSha == null ? "base" : "title")
              + "\",\"code\":\"invalid\"}],"
              + "\"documentation_url\":\"https://docs.github.com/rest/pulls/pulls#create-a-pull-request\",\"status\":\"422\"}");
    }
    String label = repo.owner + ":" + headBranch;
    boolean open =
        repo.pulls.stream()
            .anyMatch(
                p ->
                    p.path("state").asText().equals("open")
                        && p.path("head").path("label").asText().equals(label)
                        && p.path("base").path("ref").asText().equals(base));
    if (open) {
      return json(
          422,
          "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"PullRequest\",\"code\":\"custom\","
              + "\"message\":\"A pull request already exists for "
              + label
              + ".\"}],\"status\":\"422\"}");
    }
    int number = repo.pulls.size() + 1;
    ObjectNode pull = JSON.createObjectNode();
    pull.put("url", repo.apiUrl() + "/pulls/" + number)
        .put("id", 9000 + number)
        .put("node_id", "PR_" + number);
    pull.put("html_url", repo.web + "/" + repo.fullName() + "/pull/" + number)
        .put("number", number);
    pull.put("state", "open").put("locked", false).put("title", body.path("title").asText());
    pull.put("body", body.path("body").asText(null))
        .put("draft", body.path("draft").asBoolean(false));
    pull.putObject("user").put("login", FakeGithub.LOGIN).put("type", "User");
    pull.put("created_at", "2026-11-28T10:00:00Z").put("updated_at", "2026-11-28T10:00:00Z");
    pull.putNull("closed_at").putNull("merged_at").put("merged", false);
    pull.putObject("head")
        .put("label", label)
        .put("ref", headBranch)
        .put("sha", headSha)
        .set("repo", repo.repoJson());
    pull.putObject("base")
        .put("label", repo.owner + ":" + base)
        .put("ref", base)
        .put("sha", baseSha)
        .set("repo", repo.repoJson());
    repo.pulls.add(pull);
    return json(201, pull);
  }
}
