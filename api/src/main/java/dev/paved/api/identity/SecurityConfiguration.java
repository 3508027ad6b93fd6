package dev.paved.api.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.client.RestTemplate;

/**
 * Who is calling. Everything under {@code /api/v1} needs a signed-in user; health and the OpenAPI
 * document stay open. Scripts sign in on each call with HTTP basic against a users file (local
 * mode's sample by default), or, with {@code PAVED_OIDC_ISSUER_URI}, with the issuer's bearer
 * tokens: stateless, no CSRF token. The portal in a browser signs in once, on its sign-in page
 * (users file) or through the issuer (OIDC authorization code flow, with {@code
 * PAVED_OIDC_CLIENT_ID}), and carries a session cookie, with CSRF protection on every POST.
 *
 * <p>Slice tests ({@code @WebMvcTest}) include this class (see the test resources), so every
 * controller is tested behind the same rules.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
public class SecurityConfiguration {

  static final String SAMPLE_USERS = "paved/sample-users.yaml";

  private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

  /** Paths under the API's rules: credentials on each call, never a redirect to a page. */
  static final String[] API_PATHS = {"/api/**", "/actuator/**"};

  /** Open to everyone, in both chains. */
  static final String[] OPEN_PATHS = {
    "/actuator/health", "/actuator/health/**", "/api/v1/openapi", "/api/v1/openapi/**", "/error"
  };

  /**
   * Scripts and the CLI: an API call with credentials ({@code Authorization}) or without a session
   * cookie. Stateless, no CSRF token (no cookie ever authenticates such a call), exactly as before
   * the portal.
   */
  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(
      HttpSecurity http, ObjectProvider<JwtDecoder> oidc, IdentityProperties identity)
      throws Exception {
    http.securityMatcher(SecurityConfiguration::scripted)
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(OPEN_PATHS)
                    .permitAll()
                    .requestMatchers(API_PATHS)
                    .authenticated()
                    .anyRequest()
                    .permitAll());
    JwtDecoder decoder = oidc.getIfAvailable();
    if (decoder != null) {
      http.oauth2ResourceServer(
              server ->
                  server
                      .jwt(
                          jwt ->
                              jwt.decoder(decoder)
                                  .jwtAuthenticationConverter(
                                      new JwtUsers(identity.oidc().groupsClaim())))
                      .authenticationEntryPoint(ProblemResponses.bearer()))
          .exceptionHandling(
              e ->
                  e.authenticationEntryPoint(ProblemResponses.bearer())
                      .accessDeniedHandler(ProblemResponses.denied()));
    } else {
      http.httpBasic(
              basic -> basic.realmName("Paved").authenticationEntryPoint(ProblemResponses.basic()))
          .exceptionHandling(
              e ->
                  e.authenticationEntryPoint(ProblemResponses.basic())
                      .accessDeniedHandler(ProblemResponses.denied()));
    }
    return http.build();
  }

  /**
   * The portal in a browser: a sign-in page and a session cookie, CSRF protection on every POST
   * (the page sends the XSRF-TOKEN cookie's value back as a header). A signed-out visitor of a page
   * is sent to the sign-in page; an API call without a live session answers 401 without a basic
   * challenge, so the browser shows no password dialog.
   */
  @Bean
  @Order(2)
  SecurityFilterChain portalSecurity(
      HttpSecurity http, ObjectProvider<UserDetailsService> users, IdentityProperties identity)
      throws Exception {
    IdentityProperties.Oidc oidc = identity.oidc();
    // with the issuer's sign-in, a signed-out visitor of a page goes straight to the issuer
    String signIn = oidc.portalSignIn() ? IssuerSignIn.SIGN_IN_PATH : "/sign-in";
    HttpSessionRequestCache pages = new HttpSessionRequestCache();
    pages.setRequestMatcher(request -> "GET".equals(request.getMethod()) && !api(request));
    http.csrf(csrf -> csrf.spa())
        .requestCache(cache -> cache.requestCache(pages))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(OPEN_PATHS)
                    .permitAll()
                    .requestMatchers("/sign-in", "/assets/**", "/favicon.ico")
                    .permitAll()
                    .requestMatchers(API_PATHS)
                    .authenticated()
                    .requestMatchers(PORTAL_PAGES)
                    .authenticated()
                    .anyRequest()
                    .permitAll())
        .logout(
            logout ->
                logout
                    .logoutUrl("/sign-out")
                    .logoutSuccessUrl("/sign-in?signed-out")
                    .deleteCookies("JSESSIONID"))
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(
                        ProblemResponses.session(), SecurityConfiguration::api)
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(signIn), request -> true)
                    .accessDeniedHandler(ProblemResponses.denied()));
    if (users.getIfAvailable() != null) {
      http.formLogin(
          form ->
              form.loginPage("/sign-in")
                  .loginProcessingUrl("/sign-in")
                  .defaultSuccessUrl("/", false)
                  .failureUrl("/sign-in?error")
                  .permitAll());
    }
    if (oidc.portalSignIn()) {
      log.info(
          "The portal signs people in through {} as client {}", oidc.issuerUri(), oidc.clientId());
      http.oauth2Login(
          login ->
              login
                  .loginPage("/sign-in")
                  .clientRegistrationRepository(new IssuerSignIn(oidc))
                  // the issuer's grant lives as long as the session, no longer
                  .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                  .userInfoEndpoint(user -> user.oidcUserService(new OidcUsers(oidc.groupsClaim())))
                  .defaultSuccessUrl("/", false)
                  .failureUrl("/sign-in?refused"));
    }
    return http.build();
  }

  /** The portal's pages (the page itself forwards them to its index.html). */
  public static final String[] PORTAL_PAGES = {
    "/",
    "/index.html",
    "/create/**",
    "/runs/**",
    "/approvals",
    "/access/**",
    "/catalog/**",
    "/scorecards/**",
    "/teams/**"
  };

  static boolean api(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/api/") || path.startsWith("/actuator/") || path.equals("/actuator");
  }

  /** An API call by a script: it brings credentials, or no session cookie. */
  static boolean scripted(HttpServletRequest request) {
    return api(request)
        && (request.getHeader("Authorization") != null || request.getRequestedSessionId() == null);
  }

  /** HTTP basic against the users file: an operator's, or local mode's sample. */
  @Bean
  @Conditional(UsersFileMode.class)
  UserDetailsService usersFile(IdentityProperties identity, Environment env) {
    boolean local = localMode(env);
    UsersFile users;
    if (identity.usersFile() != null && !identity.usersFile().isBlank()) {
      users = UsersFile.load(new FileSystemResource(identity.usersFile()));
    } else if (local) {
      users = UsersFile.load(new ClassPathResource(SAMPLE_USERS));
    } else {
      throw new SignInRefused(
          "Paved needs to know who is calling: set PAVED_OIDC_ISSUER_URI (bearer tokens) or"
              + " PAVED_USERS_FILE (HTTP basic). The sample users are for local mode only.");
    }
    if (!local) {
      users.checkAllowedOutsideLocalMode();
    }
    log.info(
        "Users sign in with HTTP basic: {} users from {}",
        users.users().size(),
        users.sample()
            ? "the sample users file (local mode only: each password is the user's name)"
            : identity.usersFile());
    return users.userDetails();
  }

  /**
   * How HTTP basic passwords are checked: bcrypt in full, then a success remembered for {@code
   * paved.sign-in-memory} (default 5 minutes; 0 turns it off), so scripts that sign in on every
   * call do not pay bcrypt on every call (bench/README.md).
   */
  @Bean
  @Conditional(UsersFileMode.class)
  PasswordEncoder usersFilePasswords(
      @Value("${paved.sign-in-memory:5m}") Duration memory,
      @Value("${paved.sign-in-memory-size:10000}") int size) {
    return new RememberedPasswords(
        PasswordEncoderFactories.createDelegatingPasswordEncoder(),
        memory,
        size,
        Clock.systemUTC());
  }

  /** Bearer tokens of the OIDC issuer; its keys are fetched on first use, not at start. */
  @Bean
  @Conditional(OidcMode.class)
  JwtDecoder oidcTokens(IdentityProperties identity) {
    if (identity.usersFile() != null && !identity.usersFile().isBlank()) {
      throw new SignInRefused(
          "set PAVED_OIDC_ISSUER_URI or PAVED_USERS_FILE, not both: Paved signs users in one way");
    }
    String issuer = identity.oidc().issuerUri();
    log.info("Users sign in with bearer tokens of {}", issuer);
    SimpleClientHttpRequestFactory http = new SimpleClientHttpRequestFactory();
    http.setConnectTimeout(Duration.ofSeconds(10));
    http.setReadTimeout(Duration.ofSeconds(10));
    return new SupplierJwtDecoder(
        () -> {
          NimbusJwtDecoder decoder =
              NimbusJwtDecoder.withIssuerLocation(issuer)
                  .restOperations(new RestTemplate(http))
                  .build();
          decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
          return decoder;
        });
  }

  @Bean
  CurrentUsers currentUsers(IdentityProperties identity, ObjectProvider<TeamDirectory> teams) {
    return new CurrentUsers(identity, teams);
  }

  /** Local mode: the embedded Temporal server, i.e. no Temporal cluster configured. */
  static boolean localMode(Environment env) {
    String target = env.getProperty("paved.temporal.target");
    return target == null || target.isBlank();
  }

  /** An OIDC issuer is configured. */
  static final class OidcMode implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      String issuer = context.getEnvironment().getProperty("paved.oidc.issuer-uri");
      return issuer != null && !issuer.isBlank();
    }
  }

  /** No OIDC issuer: users sign in from a users file. */
  static final class UsersFileMode implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !new OidcMode().matches(context, metadata);
    }
  }
}
