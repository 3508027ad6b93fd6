package dev.paved.activities.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * A stand-in for GitHub's REST API (WireMock): answers shaped as GitHub documents them, and the
 * requests Paved sent, in order, to assert. Unstubbed requests answer 404 as GitHub would.
 */
public final class GithubStandIn implements AutoCloseable {

  public static final String TOKEN = "ghp_standin";
  public static final Instant NOW = Instant.parse("2026-11-28T10:15:30Z");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final WireMockServer server = new WireMockServer(options().dynamicPort());

  public GithubStandIn() {
    server.start();
    server.stubFor(
        any(com.github.tomakehurst.wiremock.client.WireMock.anyUrl())
            .atPriority(10)
            .willReturn(reply(404, "{\"message\":\"Not Found\"}")));
  }

  /** The stand-in's base URL, used as both API and web address. */
  public String url() {
    return "http://localhost:" + server.port();
  }

  public GithubConnection connection() {
    return GithubConnection.withToken(url(), TOKEN, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  public WireMockServer server() {
    return server;
  }

  /** Stubs one answer. */
  public void answer(MappingBuilder request, ResponseDefinitionBuilder response) {
    server.stubFor(request.willReturn(response));
  }

  public static ResponseDefinitionBuilder reply(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody(body);
  }

  // --- GitHub's objects, as its REST API documents them (the fields Paved reads) ---

  public String repositoryJson(String owner, String repo, String defaultBranch) {
    return """
        {"id":1296269,"name":"%2$s","full_name":"%1$s/%2$s",
         "owner":{"login":"%1$s","id":100,"type":"Organization"},
         "private":true,"visibility":"private","html_url":"%3$s/%1$s/%2$s",
         "clone_url":"%3$s/%1$s/%2$s.git","url":"%3$s/repos/%1$s/%2$s",
         "default_branch":"%4$s"}"""
        .formatted(owner, repo, url(), defaultBranch);
  }

  public String refJson(String owner, String repo, String branch, String sha) {
    return """
        {"ref":"refs/heads/%3$s","url":"%5$s/repos/%1$s/%2$s/git/refs/heads/%3$s",
         "object":{"type":"commit","sha":"%4$s","url":"%5$s/repos/%1$s/%2$s/git/commits/%4$s"}}"""
        .formatted(owner, repo, branch, sha, url());
  }

  // --- common states ---

  public void organisation(String org, long id) {
    answer(
        get("/orgs/" + org),
        reply(200, "{\"login\":\"%s\",\"id\":%d,\"type\":\"Organization\"}".formatted(org, id)));
  }

  public void repository(String owner, String repo, String defaultBranch) {
    answer(
        get("/repos/" + owner + "/" + repo),
        reply(200, repositoryJson(owner, repo, defaultBranch)));
  }

  public void branch(String owner, String repo, String branch, String sha) {
    answer(
        get("/repos/" + owner + "/" + repo + "/git/refs/heads/" + branch),
        reply(200, refJson(owner, repo, branch, sha)));
  }

  /** {@code GET /repos/{o}/{r}/commits/{sha}} (the REST commit, with its git data under commit). */
  public void commit(
      String owner, String repo, String sha, String tree, String message, String... parents) {
    StringBuilder parentList = new StringBuilder();
    for (String parent : parents) {
      parentList
          .append(parentList.isEmpty() ? "" : ",")
          .append("{\"sha\":\"")
          .append(parent)
          .append("\"}");
    }
    answer(
        get("/repos/" + owner + "/" + repo + "/commits/" + sha),
        reply(
            200,
            """
            {"sha":"%s","commit":{"message":%s,"tree":{"sha":"%s"}},"parents":[%s]}"""
                .formatted(sha, quote(message), tree, parentList)));
  }

  /** A file as the contents API answers it (base64), at {@code ref} or any ref when null. */
  public void file(String owner, String repo, String path, String ref, String text) {
    MappingBuilder request =
        get(urlPathEqualTo("/repos/" + owner + "/" + repo + "/contents/" + path));
    if (ref != null) {
      request =
          request.withQueryParam(
              "ref", com.github.tomakehurst.wiremock.client.WireMock.equalTo(ref));
    }
    String content = Base64.getMimeEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    answer(
        request,
        reply(
            200,
            """
            {"type":"file","encoding":"base64","size":%d,"name":"%s","path":"%s",
             "content":%s,"sha":"3d21ec53a331a6f037a91c368710b99387d012c1"}"""
                .formatted(
                    text.length(),
                    path.substring(path.lastIndexOf('/') + 1),
                    path,
                    quote(content))));
  }

  /** Answers to the Git Data API's writes: a tree, a blob, a commit, a ref update or creation. */
  public void gitDataWrites(String owner, String repo, String tree, String commit) {
    String base = "/repos/" + owner + "/" + repo + "/git/";
    answer(post(base + "trees"), reply(201, "{\"sha\":\"%s\",\"tree\":[]}".formatted(tree)));
    answer(post(base + "blobs"), reply(201, "{\"sha\":\"b10b\"}"));
    answer(
        post(base + "commits"),
        reply(
            201,
            "{\"sha\":\"%s\",\"tree\":{\"sha\":\"%s\"},\"parents\":[]}".formatted(commit, tree)));
    answer(
        patch(
            com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(
                base + "refs/heads/.*")),
        reply(200, refJson(owner, repo, "x", commit)));
    answer(post(base + "refs"), reply(201, refJson(owner, repo, "x", commit)));
  }

  /** {@code GET /rate_limit} as GitHub documents it (a record per resource, and rate). */
  public void rateLimit(int remaining) {
    String record =
        "{\"limit\":5000,\"remaining\":%d,\"reset\":%d,\"used\":%d}"
            .formatted(remaining, NOW.getEpochSecond() + 3600, 5000 - remaining);
    answer(
        get("/rate_limit"),
        reply(
            200,
            "{\"resources\":{\"core\":%1$s,\"search\":%1$s,\"graphql\":%1$s,".formatted(record)
                + "\"integration_manifest\":%1$s},\"rate\":%1$s}".formatted(record)));
  }

  public void deletable(String owner, String repo) {
    answer(delete("/repos/" + owner + "/" + repo), aResponse().withStatus(204));
  }

  public void topicsAndProtection(String owner, String repo, String branch) {
    String base = "/repos/" + owner + "/" + repo;
    answer(put(base + "/topics"), reply(200, "{\"names\":[]}"));
    answer(
        get(base + "/branches/" + branch),
        reply(
            200,
            """
            {"name":"%s","commit":{"sha":"c0"},"protected":false,
             "protection_url":"%s%s/branches/%s/protection"}"""
                .formatted(branch, url(), base, branch)));
    answer(
        put(base + "/branches/" + branch + "/protection"),
        reply(200, "{\"url\":\"%s%s/branches/%s/protection\"}".formatted(url(), base, branch)));
  }

  // --- what Paved sent ---

  /** Every request, oldest first, as {@code METHOD /path?query}. */
  public List<String> requests() {
    List<String> sent = new ArrayList<>();
    for (ServeEvent event : events()) {
      sent.add(event.getRequest().getMethod() + " " + event.getRequest().getUrl());
    }
    return sent;
  }

  /** The JSON body of the last request with this method and path (query ignored). */
  public JsonNode body(String method, String path) {
    List<ServeEvent> events = events();
    for (int i = events.size() - 1; i >= 0; i--) {
      var request = events.get(i).getRequest();
      String url = request.getUrl();
      String bare = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
      if (request.getMethod().getName().equals(method) && bare.equals(path)) {
        try {
          return JSON.readTree(request.getBodyAsString());
        } catch (Exception e) {
          throw new AssertionError("not JSON: " + request.getBodyAsString(), e);
        }
      }
    }
    throw new AssertionError("no " + method + " " + path + " among " + requests());
  }

  /** The Authorization header of every request, oldest first. */
  public List<String> authorizations() {
    return events().stream().map(e -> e.getRequest().getHeader("Authorization")).toList();
  }

  private List<ServeEvent> events() {
    List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
    Collections.reverse(events); // WireMock lists the newest first
    return events;
  }

  /** JSON written with single quotes, for readable expectations. */
  public static JsonNode json(String singleQuoted) {
    try {
      return JSON.readTree(singleQuoted.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(singleQuoted, e);
    }
  }

  static String quote(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop();
  }
}
