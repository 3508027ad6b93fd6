package dev.paved.testfixtures.github;

import static dev.paved.testfixtures.StandIn.JSON;
import static dev.paved.testfixtures.StandIn.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paved.testfixtures.StandIn.Call;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;

/**
 * GitHub Apps as GitHub answers them: {@code /app} and its installations take the app's JWT (RS256,
 * checked against the app's public key, unexpired), and an installation's access token is then
 * taken as {@code token <value>} like a personal access token.
 */
final class FakeGithubApps {

  record App(long id, String owner, PublicKey key) {}

  record Installation(long id, long appId, String account) {}

  private final FakeGithub github;
  private final Map<Long, App> apps = new LinkedHashMap<>();
  private final Map<Long, Installation> installations = new LinkedHashMap<>();
  private final List<String> tokens = new ArrayList<>();

  FakeGithubApps(FakeGithub github) {
    this.github = github;
  }

  void app(long id, String owner, PublicKey key) {
    apps.put(id, new App(id, owner, key));
  }

  void installation(long appId, long id, String account) {
    installations.put(id, new Installation(id, appId, account));
  }

  boolean issued(String token) {
    return tokens.contains(token);
  }

  List<String> tokens() {
    return List.copyOf(tokens);
  }

  /** {@code /app...}, whose {@code parts} follow {@code /api/v3/}. */
  MockResponse answer(Call call, String[] parts) {
    App app = appOf(call.header("Authorization"));
    if (app == null) {
      return FakeGithub.error(401, "A JSON web token could not be decoded");
    }
    String m = call.method();
    if (parts.length == 1 && m.equals("GET")) {
      return json(
          200,
          JSON.createObjectNode()
              .put("id", app.id())
              .put("slug", "paved")
              .put("name", "Paved")
              .set("owner", JSON.createObjectNode().put("login", app.owner())));
    }
    if (parts.length < 3 || !parts[1].equals("installations")) {
      return github.unknownRoute(call);
    }
    Installation installation = installations.get(Long.parseLong(parts[2]));
    if (installation == null || installation.appId() != app.id()) {
      return FakeGithub.error(404, "Not Found");
    }
    if (parts.length == 3 && m.equals("GET")) {
      return json(200, installationJson(installation));
    }
    if (parts.length == 4 && parts[3].equals("access_tokens") && m.equals("POST")) {
      String token = "ghs_standin" + installation.id() + "x" + (tokens.size() + 1);
      tokens.add(token);
      ObjectNode body =
          JSON.createObjectNode()
              .put("token", token)
              .put(
                  "expires_at",
                  Instant.now()
                      .plus(1, ChronoUnit.HOURS)
                      .truncatedTo(ChronoUnit.SECONDS)
                      .toString())
              .put("repository_selection", "all");
      body.putObject("permissions").put("contents", "write").put("administration", "write");
      return json(201, body);
    }
    return github.unknownRoute(call);
  }

  private ObjectNode installationJson(Installation installation) {
    String url = github.apiUrl() + "/app/installations/" + installation.id();
    ObjectNode body =
        JSON.createObjectNode()
            .put("id", installation.id())
            .put("app_id", installation.appId())
            .put("target_type", "Organization")
            .put("repository_selection", "all")
            .put("access_tokens_url", url + "/access_tokens");
    body.putObject("account").put("login", installation.account()).put("type", "Organization");
    return body;
  }

  /** The app whose key signed this {@code Bearer} JWT, if it is unexpired; else null. */
  private App appOf(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return null;
    }
    String[] jwt = authorization.substring(7).split("\\.");
    if (jwt.length != 3) {
      return null;
    }
    try {
      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
      App app = apps.get(claims.path("iss").asLong());
      if (app == null || claims.path("exp").asLong() <= Instant.now().getEpochSecond()) {
        return null;
      }
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initVerify(app.key());
      rs256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
      return rs256.verify(Base64.getUrlDecoder().decode(jwt[2])) ? app : null;
    } catch (java.io.IOException | GeneralSecurityException | IllegalArgumentException e) {
      return null;
    }
  }
}
