package dev.paved.activities.access;

import dev.paved.activities.support.StepFailures;
import dev.paved.workflows.access.GrantRequest;
import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.api.Auth;
import io.github.jopenlibs.vault.response.AuthResponse;
import io.github.jopenlibs.vault.response.LogicalResponse;
import io.github.jopenlibs.vault.rest.RestResponse;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Production access as a Vault token: created with the policy for the service, environment and role
 * and a TTL equal to the approved duration (not renewable), revoked by its accessor. The token
 * never reaches the workflow, the API, a log or the audit trail: it is written to the requester's
 * own KV path ({@code <mount>/<prefix>/<user>/<request id>}), which a templated policy lets only
 * that user read, and deleted with the grant. The workflow keeps only the accessor.
 */
public final class VaultGrantProvider implements GrantProvider {

  private static final Pattern PATH_PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,199}");

  private final VaultGrantSettings settings;
  private final Vault system;
  private final Vault kv;

  public VaultGrantProvider(VaultGrantSettings settings) {
    this.settings = settings;
    try {
      // auth/ paths must not get KV v2's data/ segment, the credentials must (DESIGN.md); each
      // instance needs its own config, since Vault.create sets the engine version on it
      this.system = Vault.create(config(settings), 1);
      this.kv = Vault.create(config(settings), 2);
    } catch (VaultException e) {
      throw new IllegalStateException("Vault grant provider misconfigured: " + e.getMessage(), e);
    }
  }

  private static VaultConfig config(VaultGrantSettings settings) throws VaultException {
    return new VaultConfig()
        .address(settings.address())
        .token(settings.token())
        .openTimeout(10)
        .readTimeout(30)
        .build();
  }

  @Override
  public String name() {
    return "vault";
  }

  @Override
  public String grant(GrantRequest request) {
    String path = credentialsPath(request);
    String existing = existingAccessor(path);
    if (existing != null) {
      return existing; // made by an earlier attempt
    }
    String ttl = request.ttl().toSeconds() + "s";
    Auth.TokenRequest token =
        new Auth.TokenRequest()
            .polices(List.of(settings.policy(request)))
            .ttl(ttl)
            .explicitMaxTtl(ttl)
            .renewable(false)
            .displayName("paved-" + request.requestId())
            .meta(
                Map.of(
                    "paved_request", request.requestId(),
                    "user", request.user(),
                    "service", request.service(),
                    "environment", request.environment(),
                    "role", request.role()));
    if (settings.tokenRole() != null && !settings.tokenRole().isBlank()) {
      token.role(settings.tokenRole());
    }
    AuthResponse created;
    try {
      created = system.auth().createToken(token);
    } catch (VaultException e) {
      throw failure("create a token", e.getHttpStatusCode(), e.getMessage());
    }
    String accessor = created.getTokenAccessor();
    Map<String, Object> credentials = new LinkedHashMap<>();
    credentials.put("token", created.getAuthClientToken());
    credentials.put("accessor", accessor);
    credentials.put("request", request.requestId());
    credentials.put("policy", settings.policy(request));
    credentials.put("ttl", ttl);
    RestResponse written = write(path, credentials);
    if (written.getStatus() >= 300) {
      revokeQuietly(accessor); // a token nobody can fetch must not stay valid
      throw failure("store the token for " + request.user(), written.getStatus(), body(written));
    }
    return accessor;
  }

  @Override
  public void revoke(GrantRequest request, String accessor) {
    RestResponse revoked;
    try {
      revoked =
          system
              .logical()
              .write("auth/token/revoke-accessor", Map.of("accessor", accessor))
              .getRestResponse();
    } catch (VaultException e) {
      throw StepFailures.unavailable("Vault: revoke by accessor failed: " + e.getMessage(), null);
    }
    // Vault before 1.10 answers 400 "invalid accessor" for a token that is gone already
    boolean gone = revoked.getStatus() == 400 && body(revoked).contains("invalid accessor");
    if (revoked.getStatus() >= 300 && !gone) {
      // never a non-retryable failure: a revoke is retried until it succeeds
      throw StepFailures.unavailable(
          "Vault: revoke by accessor answered " + revoked.getStatus() + ": " + body(revoked), null);
    }
    try {
      int deleted = kv.logical().delete(credentialsPath(request)).getRestResponse().getStatus();
      if (deleted >= 300 && deleted != 404) {
        throw StepFailures.unavailable(
            "Vault: deleting the token's copy answered " + deleted, null);
      }
    } catch (VaultException e) {
      if (e.getHttpStatusCode() != 404) {
        throw StepFailures.unavailable(
            "Vault: deleting the token's copy failed: " + e.getMessage(), null);
      }
    }
  }

  private String existingAccessor(String path) {
    try {
      LogicalResponse found = kv.logical().read(path);
      int status = found.getRestResponse().getStatus();
      if (status == 404) {
        return null;
      }
      if (status >= 300) {
        throw failure("read " + path, status, body(found.getRestResponse()));
      }
      return found.getData().get("accessor");
    } catch (VaultException e) {
      if (e.getHttpStatusCode() == 404) {
        return null;
      }
      throw failure("read " + path, e.getHttpStatusCode(), e.getMessage());
    }
  }

  private RestResponse write(String path, Map<String, Object> data) {
    try {
      return kv.logical().write(path, data).getRestResponse();
    } catch (VaultException e) {
      throw failure("store a token", e.getHttpStatusCode(), e.getMessage());
    }
  }

  private void revokeQuietly(String accessor) {
    try {
      system.logical().write("auth/token/revoke-accessor", Map.of("accessor", accessor));
    } catch (VaultException | RuntimeException ignored) {
      // the token expires with its TTL; the grant failure says what went wrong
    }
  }

  private String credentialsPath(GrantRequest request) {
    for (String part : List.of(request.user(), request.requestId())) {
      if (part == null || !PATH_PART.matcher(part).matches()) {
        throw StepFailures.invalidInput("cannot use '" + part + "' in a Vault path");
      }
    }
    return settings.credentialsPath(request);
  }

  /** Refusals of Paved's token are final; a sealed or unreachable Vault is retried. */
  private static ApplicationFailure failure(String what, int status, String detail) {
    String message = "Vault: could not " + what + " (HTTP " + status + "): " + detail;
    if (status == 401 || status == 403) {
      return StepFailures.unauthorized(message);
    }
    if (status == 400 || status == 404) {
      return StepFailures.invalidInput(message);
    }
    return StepFailures.unavailable(message, null);
  }

  private static String body(RestResponse response) {
    byte[] body = response.getBody();
    return body == null ? "" : new String(body, StandardCharsets.UTF_8);
  }
}
