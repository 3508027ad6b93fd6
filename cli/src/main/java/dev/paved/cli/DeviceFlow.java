package dev.paved.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The OIDC device authorization grant (RFC 8628) at the issuer Paved trusts: the issuer's endpoints
 * from its discovery document, a user code for the person to enter in a browser, then polling the
 * token endpoint until they have (or refuse); and renewing an access token with its refresh token.
 */
final class DeviceFlow {

  static final String GRANT = "urn:ietf:params:oauth:grant-type:device_code";

  /** RFC 8628 3.5: {@code slow_down} adds five seconds to the polling interval, for good. */
  static final Duration SLOW_DOWN = Duration.ofSeconds(5);

  /** The issuer's endpoints this flow uses, from its discovery document. */
  record Endpoints(String deviceAuthorization, String token) {}

  /** What the person enters where, and how the command polls for the result. */
  record Authorization(
      String deviceCode,
      String userCode,
      String verificationUri,
      String verificationUriComplete,
      Duration interval,
      Instant expiresAt) {}

  /** The issuer's answer: an access token, maybe a refresh token, and when the first expires. */
  record Tokens(String accessToken, String refreshToken, Instant expiresAt) {}

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final Session.Pause pause;

  DeviceFlow(Session.Pause pause) {
    this.pause = pause;
  }

  /** The device authorization and token endpoints from {@code issuer}'s discovery document. */
  Endpoints discover(String issuer) {
    String url = strip(issuer) + "/.well-known/openid-configuration";
    Answer answer = send(HttpRequest.newBuilder(URI.create(url)).GET(), url);
    if (answer.status() != 200) {
      throw new CliException("the sign-in issuer answered " + answer.status() + " at " + url);
    }
    String device = answer.body().path("device_authorization_endpoint").asText("");
    if (device.isEmpty()) {
      throw new CliException(
          "the sign-in issuer "
              + issuer
              + " offers no device authorization (RFC 8628): sign in with --token instead");
    }
    return new Endpoints(device, answer.body().path("token_endpoint").asText());
  }

  /** Asks the issuer for a device code and the user code the person enters. */
  Authorization start(Endpoints endpoints, String clientId, String scope) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("client_id", clientId);
    form.put("scope", scope);
    Answer answer = post(endpoints.deviceAuthorization(), form);
    if (answer.status() != 200) {
      throw refused(answer);
    }
    JsonNode body = answer.body();
    return new Authorization(
        body.path("device_code").asText(),
        body.path("user_code").asText(),
        body.path("verification_uri").asText(),
        body.path("verification_uri_complete").asText(null),
        // RFC 8628 3.2: five seconds when the issuer names no interval
        Duration.ofSeconds(body.path("interval").asLong(5)),
        Instant.now().plusSeconds(body.path("expires_in").asLong(600)));
  }

  /** Polls the token endpoint at the issuer's pace until the person has decided. */
  Tokens await(Endpoints endpoints, String clientId, Authorization authorization) {
    Duration interval = authorization.interval();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", GRANT);
    form.put("device_code", authorization.deviceCode());
    form.put("client_id", clientId);
    while (true) {
      if (Instant.now().isAfter(authorization.expiresAt())) {
        throw expired();
      }
      try {
        pause.sleep(interval);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliException("interrupted: not signed in");
      }
      Answer answer = post(endpoints.token(), form);
      if (answer.status() == 200) {
        return tokens(answer.body(), null);
      }
      switch (answer.body().path("error").asText("")) {
        case "authorization_pending" -> {}
        case "slow_down" -> interval = interval.plus(SLOW_DOWN);
        case "expired_token" -> throw expired();
        case "access_denied" -> throw new CliException("the sign-in was refused at the issuer");
        default -> throw refused(answer);
      }
    }
  }

  /** A new access token for the refresh token; null when the issuer no longer honours it. */
  Tokens refresh(Credentials.Issuer issuer) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", issuer.refreshToken());
    form.put("client_id", issuer.clientId());
    Answer answer = post(issuer.tokenEndpoint(), form);
    if (answer.status() == 200) {
      return tokens(answer.body(), issuer.refreshToken());
    }
    if (answer.status() == 400 || answer.status() == 401) {
      return null; // invalid_grant: the session at the issuer has ended
    }
    throw refused(answer);
  }

  private static Tokens tokens(JsonNode body, String previousRefresh) {
    String access = body.path("access_token").asText("");
    if (access.isEmpty()) {
      throw new CliException("the sign-in issuer answered without an access token");
    }
    // RFC 6749 6: the issuer may keep the refresh token it gave before
    String refresh = body.path("refresh_token").asText(previousRefresh);
    Instant expires =
        body.has("expires_in") ? Instant.now().plusSeconds(body.path("expires_in").asLong()) : null;
    return new Tokens(access, refresh, expires);
  }

  private static CliException expired() {
    return new CliException("the code expired before it was entered: run 'paved login' again");
  }

  /** The issuer's error code and description; never a token or code it was sent. */
  private static CliException refused(Answer answer) {
    String error = answer.body().path("error").asText("");
    String description = answer.body().path("error_description").asText("");
    return new CliException(
        "the sign-in issuer refused ("
            + answer.status()
            + (error.isEmpty() ? "" : " " + error)
            + (description.isEmpty() ? "" : ": " + description)
            + ")");
  }

  private record Answer(int status, JsonNode body) {}

  private Answer post(String url, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + ApiClient.encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)),
        url);
  }

  private Answer send(HttpRequest.Builder request, String url) {
    try {
      HttpResponse<String> response =
          http.send(
              request.header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode body;
      try {
        body = ApiClient.JSON.readTree(response.body());
      } catch (IOException notJson) {
        body = ApiClient.JSON.createObjectNode();
      }
      return new Answer(
          response.statusCode(), body == null ? ApiClient.JSON.createObjectNode() : body);
    } catch (IOException e) {
      throw new CliException("cannot reach the sign-in issuer at " + url + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted: not signed in");
    }
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
