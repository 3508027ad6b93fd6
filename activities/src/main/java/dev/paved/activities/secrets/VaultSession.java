package dev.paved.activities.secrets;

import dev.paved.activities.support.StepFailures;
import io.github.jopenlibs.vault.EnvironmentLoader;
import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.response.AuthResponse;
import io.github.jopenlibs.vault.response.VaultResponse;
import io.github.jopenlibs.vault.rest.RestResponse;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Paved's token and the two driver instances that use it: one for KV v2 paths (the driver adds
 * {@code data/} and {@code metadata/}) and one with engine version 1, which leaves paths as given,
 * for {@code sys/}, {@code auth/} and KV metadata paths. With AppRole, the token is fetched by
 * logging in, and again when 80% of its lease has passed or Vault refuses it.
 */
final class VaultSession {

  /** A call to Vault through the driver; its answer, whatever the status. */
  interface Call {
    VaultResponse run(Vault kv, Vault raw) throws VaultException;
  }

  private static final int OPEN_TIMEOUT_SECONDS = 10;
  private static final int READ_TIMEOUT_SECONDS = 30;

  private final VaultSettings settings;
  private final Clock clock;
  private final HttpClient http;
  private Instances current;

  private record Instances(String token, Instant renewAt, Vault kv, Vault raw) {}

  VaultSession(VaultSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    // One client for every call: the driver would otherwise build a new one per request.
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(OPEN_TIMEOUT_SECONDS))
            .build();
  }

  /**
   * Runs {@code call} and returns Vault's answer. A refused AppRole token is replaced once by a new
   * login; no answer at all is a retryable Unavailable.
   */
  RestResponse send(String what, Call call) {
    for (int attempt = 0; ; attempt++) {
      Instances vault = instances();
      RestResponse response;
      try {
        response = call.run(vault.kv(), vault.raw()).getRestResponse();
      } catch (VaultException e) {
        if (e.getHttpStatusCode() == 0) {
          // The driver's message may hold a response body: it is not passed on.
          throw StepFailures.unavailable(
              "Vault at " + settings.address() + " did not answer to " + what, null);
        }
        response = new RestResponse(e.getHttpStatusCode(), "", new byte[0]);
      }
      if (refused(response.getStatus()) && settings.appRole() && attempt == 0) {
        forget(vault);
        continue;
      }
      return response;
    }
  }

  /** An instance without a token, for unauthenticated endpoints such as {@code sys/health}. */
  Vault anonymous() {
    return Vault.create(config(null), 1);
  }

  String address() {
    return settings.address();
  }

  private synchronized Instances instances() {
    if (current == null
        || (current.renewAt() != null && !clock.instant().isBefore(current.renewAt()))) {
      current = settings.appRole() ? logIn() : build(settings.token(), null);
    }
    return current;
  }

  private synchronized void forget(Instances refused) {
    if (current == refused) {
      current = null;
    }
  }

  private Instances logIn() {
    AuthResponse auth;
    try {
      auth =
          Vault.create(config(null), 1)
              .auth()
              .loginByAppRole(settings.approlePath(), settings.roleId(), settings.secretId());
    } catch (VaultException e) {
      throw loginFailed(e.getHttpStatusCode());
    } catch (RuntimeException e) {
      throw loginFailed(0);
    }
    String token = auth.getAuthClientToken();
    if (token == null || token.isEmpty()) {
      throw loginFailed(0);
    }
    long lease = auth.getAuthLeaseDuration();
    Instant renewAt = lease > 0 ? clock.instant().plusSeconds(lease * 8 / 10) : null;
    return build(token, renewAt);
  }

  private RuntimeException loginFailed(int status) {
    String login = "AppRole login at " + settings.address() + "/v1/auth/" + settings.approlePath();
    if (status == 0 || status >= 500 || status == 412 || status == 429) {
      return StepFailures.unavailable(login + " did not succeed (" + status + ")", null);
    }
    // Vault answers 400 to an unknown role id or secret id: a credential problem, not bad input.
    return StepFailures.unauthorized(
        login
            + " was refused ("
            + status
            + "): check PAVED_VAULT_ROLE_ID and PAVED_VAULT_SECRET_ID");
  }

  private Instances build(String token, Instant renewAt) {
    return new Instances(
        token, renewAt, Vault.create(config(token), 2), Vault.create(config(token), 1));
  }

  private VaultConfig config(String token) {
    try {
      VaultConfig config =
          new VaultConfig()
              // no VAULT_* variables and no ~/.vault-token: Paved's own settings only
              .environmentLoader(new NoEnvironment())
              .address(settings.address())
              .httpClient(http)
              .openTimeout(OPEN_TIMEOUT_SECONDS)
              .readTimeout(READ_TIMEOUT_SECONDS);
      if (token != null) {
        config.token(token);
      }
      if (settings.namespace() != null) {
        config.nameSpace(settings.namespace());
      }
      return config.build();
    } catch (VaultException e) {
      throw new IllegalStateException("Vault settings are not usable: " + settings, e);
    }
  }

  private static boolean refused(int status) {
    return status == 401 || status == 403;
  }

  /** The driver's environment lookups, answered with nothing. */
  private static final class NoEnvironment extends EnvironmentLoader {
    @Override
    public String loadVariable(String name) {
      return null;
    }
  }
}
