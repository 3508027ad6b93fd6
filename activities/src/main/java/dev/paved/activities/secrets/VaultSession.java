package dev.paved.activities.secrets;

import dev.paved.activities.support.StepFailures;
import io.github.jopenlibs.vault.EnvironmentLoader;
import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.response.AuthResponse;
import io.github.jopenlibs.vault.response.VaultResponse;
import io.github.jopenlibs.vault.rest.RestResponse;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Paved's token and the two driver instances that use it: one for KV v2 paths (the driver adds
 * {@code data/} and {@code metadata/}) and one with engine version 1, which leaves paths as given,
 * for {@code sys/}, {@code auth/} and KV metadata paths. With AppRole, the token is fetched by
 * logging in, and again when 80% of its lease has passed or Vault refuses it. Each answer keeps
 * Vault's {@code Retry-After}, which the driver drops, so a failure can wait as long as it asks.
 */
final class VaultSession {

  /** A call to Vault through the driver; its answer, whatever the status. */
  interface Call {
    VaultResponse run(Vault kv, Vault raw) throws VaultException;
  }

  /** Vault's answer as the driver gives it, with the {@code Retry-After} it came with. */
  static final class Answer extends RestResponse {
    private final transient Duration retryAfter;

    Answer(int status, String mimeType, byte[] body, Duration retryAfter) {
      super(status, mimeType, body);
      this.retryAfter = retryAfter;
    }

    Optional<Duration> retryAfter() {
      return Optional.ofNullable(retryAfter);
    }
  }

  private static final int OPEN_TIMEOUT_SECONDS = 10;
  private static final int READ_TIMEOUT_SECONDS = 30;

  /** The {@code Retry-After} of the last answer this thread got through {@link #http}. */
  private static final ThreadLocal<String> RETRY_AFTER = new ThreadLocal<>();

  private final VaultSettings settings;
  private final Clock clock;
  private final HttpClient http;
  private final int readTimeoutSeconds;
  private Instances current;

  private record Instances(String token, Instant renewAt, Vault kv, Vault raw) {}

  VaultSession(VaultSettings settings, Clock clock) {
    this(settings, clock, READ_TIMEOUT_SECONDS);
  }

  /** With another read timeout (whole seconds), for tests of answers that come too late. */
  VaultSession(VaultSettings settings, Clock clock, int readTimeoutSeconds) {
    this.settings = settings;
    this.clock = clock;
    this.readTimeoutSeconds = readTimeoutSeconds;
    // One client for every call: the driver would otherwise build a new one per request.
    this.http =
        new RetryAfterNoting(
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(OPEN_TIMEOUT_SECONDS))
                .build());
  }

  /**
   * Runs {@code call} and returns Vault's answer. A refused AppRole token is replaced once by a new
   * login; no answer at all is a retryable Unavailable.
   */
  RestResponse send(String what, Call call) {
    for (int attempt = 0; ; attempt++) {
      Instances vault = instances();
      RestResponse response;
      RETRY_AFTER.remove();
      try {
        RestResponse got = call.run(vault.kv(), vault.raw()).getRestResponse();
        response = new Answer(got.getStatus(), got.getMimeType(), got.getBody(), retryAfter());
      } catch (VaultException e) {
        if (e.getHttpStatusCode() == 0) {
          // The driver's message may hold a response body: it is not passed on.
          throw StepFailures.unavailable(
              "Vault at " + settings.address() + " did not answer to " + what, null);
        }
        response = new Answer(e.getHttpStatusCode(), "", new byte[0], retryAfter());
      } finally {
        RETRY_AFTER.remove();
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
              .readTimeout(readTimeoutSeconds);
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

  private Duration retryAfter() {
    return VaultFailures.retryAfter(RETRY_AFTER.get(), clock.instant()).orElse(null);
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

  /** The driver's HTTP client, noting each answer's {@code Retry-After} for this thread. */
  private static final class RetryAfterNoting extends HttpClient {
    private final HttpClient http;

    RetryAfterNoting(HttpClient http) {
      this.http = http;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
        throws IOException, InterruptedException {
      HttpResponse<T> response = http.send(request, handler);
      RETRY_AFTER.set(response.headers().firstValue("Retry-After").orElse(null));
      return response;
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
        HttpRequest request, HttpResponse.BodyHandler<T> handler) {
      return http.sendAsync(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
        HttpRequest request,
        HttpResponse.BodyHandler<T> handler,
        HttpResponse.PushPromiseHandler<T> push) {
      return http.sendAsync(request, handler, push);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
      return http.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
      return http.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
      return http.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
      return http.proxy();
    }

    @Override
    public SSLContext sslContext() {
      return http.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
      return http.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
      return http.authenticator();
    }

    @Override
    public Version version() {
      return http.version();
    }

    @Override
    public Optional<Executor> executor() {
      return http.executor();
    }
  }
}
