package dev.paved.api.catalog;

import static java.util.stream.Collectors.joining;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few GitHub REST calls the catalog makes, with conditional requests: an organisation's
 * repositories ({@code GET /orgs/{org}/repos}, following {@code Link: rel="next"}), a file's
 * contents ({@code GET /repos/{o}/{r}/contents/{path}?ref=} with {@code If-None-Match}, so an
 * unchanged file costs a 304 and no rate limit), teams and their members. Authenticates with the
 * token Paved publishes with; the token never leaves the {@code Authorization} header.
 */
final class GithubCatalogApi {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

  /** A repository of the organisation as GitHub lists it. */
  record Repo(String owner, String name, String defaultBranch, boolean archived, String pushedAt) {}

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final String apiUrl;
  private final String webUrl;
  private final String authorization;

  GithubCatalogApi(String apiUrl, String webUrl, String token) {
    this.apiUrl = strip(apiUrl);
    this.webUrl = strip(webUrl);
    this.authorization = "token " + token.strip();
  }

  /** Where GitHub's web pages are: the prefix of the {@code url} locations it reads. */
  String webUrl() {
    return webUrl;
  }

  /** Every repository of the organisation, page after page. */
  List<Repo> repositories(String org) {
    List<Repo> repos = new ArrayList<>();
    for (JsonNode repo : pages("/orgs/" + encode(org) + "/repos?type=all&per_page=100")) {
      repos.add(
          new Repo(
              repo.path("owner").path("login").asText(org),
              repo.path("name").asText(),
              repo.path("default_branch").asText("main"),
              repo.path("archived").asBoolean(false),
              repo.path("pushed_at").asText("")));
    }
    return repos;
  }

  /** The organisation's teams: {@code slug}, {@code name}, {@code description}, parent's slug. */
  List<JsonNode> teams(String org) {
    return pages("/orgs/" + encode(org) + "/teams?per_page=100");
  }

  /** The logins of a team's members. */
  List<String> members(String org, String team) {
    return pages("/orgs/" + encode(org) + "/teams/" + encode(team) + "/members?per_page=100")
        .stream()
        .map(m -> m.path("login").asText())
        .toList();
  }

  /**
   * A file of a repository at a branch, unless GitHub answers that it is still at {@code etag}
   * (304); empty text when the repository, branch or file does not exist (404).
   */
  EntityProvider.Read contents(String owner, String repo, String path, String branch, String etag) {
    HttpRequest.Builder request =
        request(
                "/repos/"
                    + encode(owner)
                    + "/"
                    + encode(repo)
                    + "/contents/"
                    + Arrays.stream(path.split("/"))
                        .map(GithubCatalogApi::encode)
                        .collect(joining("/"))
                    + "?ref="
                    + encode(branch))
            .header("Accept", "application/vnd.github.raw+json");
    if (etag != null) {
      request.header("If-None-Match", etag);
    }
    HttpResponse<String> answer = send(request.build());
    return switch (answer.statusCode()) {
      case 200 ->
          new EntityProvider.Read(
              Optional.of(answer.body()), answer.headers().firstValue("ETag").orElse(null), false);
      case 304 -> EntityProvider.Read.unchanged(etag);
      case 404 -> EntityProvider.Read.of(Optional.empty());
      default -> throw failure(answer, "reading " + path + " of " + owner + "/" + repo);
    };
  }

  /**
   * The names of the files directly in a folder of a repository at a branch; empty when there is no
   * such folder (404), or the path is a file.
   */
  List<String> files(String owner, String repo, String path, String branch) {
    HttpResponse<String> answer =
        send(
            request(
                    "/repos/"
                        + encode(owner)
                        + "/"
                        + encode(repo)
                        + "/contents/"
                        + Arrays.stream(path.split("/"))
                            .map(GithubCatalogApi::encode)
                            .collect(joining("/"))
                        + "?ref="
                        + encode(branch))
                .header("Accept", "application/vnd.github+json")
                .build());
    if (answer.statusCode() == 404) {
      return List.of();
    }
    if (answer.statusCode() != 200) {
      throw failure(answer, "listing " + path + " of " + owner + "/" + repo);
    }
    List<String> names = new ArrayList<>();
    try {
      for (JsonNode entry : JSON.readTree(answer.body())) {
        if ("file".equals(entry.path("type").asText())) {
          names.add(entry.path("name").asText());
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("GitHub answered something that is not JSON", e);
    }
    return names;
  }

  private List<JsonNode> pages(String first) {
    List<JsonNode> items = new ArrayList<>();
    String next = apiUrl + first;
    for (int page = 0; next != null && page < 1000; page++) {
      HttpResponse<String> answer =
          send(
              request(next.substring(apiUrl.length()))
                  .header("Accept", "application/vnd.github+json")
                  .build());
      if (answer.statusCode() != 200) {
        throw failure(answer, "listing " + first.substring(0, first.indexOf('?')));
      }
      try {
        JSON.readTree(answer.body()).forEach(items::add);
      } catch (IOException e) {
        throw new IllegalStateException("GitHub answered something that is not JSON", e);
      }
      next = next(answer).filter(url -> url.startsWith(apiUrl + "/")).orElse(null);
    }
    return items;
  }

  private static Optional<String> next(HttpResponse<String> answer) {
    return answer
        .headers()
        .firstValue("Link")
        .map(NEXT::matcher)
        .filter(Matcher::find)
        .map(m -> m.group(1));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(apiUrl + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", authorization)
        .header("X-GitHub-Api-Version", "2022-11-28");
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("GitHub at " + apiUrl + " did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling GitHub", e);
    }
  }

  /** GitHub's own message, and when a rate limit lifts; never the request's credentials. */
  private static IllegalStateException failure(HttpResponse<String> answer, String what) {
    String message;
    try {
      message = JSON.readTree(answer.body()).path("message").asText("");
    } catch (IOException e) {
      message = "";
    }
    String reset =
        answer.headers().firstValue("x-ratelimit-remaining").filter("0"::equals).isPresent()
            ? " (rate limit; it resets at "
                + answer.headers().firstValue("x-ratelimit-reset").orElse("?")
                + ")"
            : "";
    return new IllegalStateException(
        "GitHub answered " + answer.statusCode() + " " + what + ": " + message + reset);
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String strip(String url) {
    String trimmed = url.strip();
    return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }
}
