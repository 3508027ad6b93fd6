package dev.paved.api.identity;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestTemplate;

/**
 * Who is calling. Everything under {@code /api/v1} needs a signed-in user; health and the OpenAPI
 * document stay open. Users sign in with HTTP basic against a users file (local mode's sample by
 * default), or, with {@code PAVED_OIDC_ISSUER_URI}, with the issuer's bearer tokens. Stateless: no
 * session, no CSRF token (no cookie ever authenticates a call).
 *
 * <p>Slice tests ({@code @WebMvcTest}) include this class (see the test resources), so every
 * controller is tested behind the same rules.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
public class SecurityConfiguration {

  static final String SAMPLE_USERS = "paved/sample-users.yaml";

  private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

  @Bean
  SecurityFilterChain apiSecurity(
      HttpSecurity http, ObjectProvider<JwtDecoder> oidc, IdentityProperties identity)
      throws Exception {
    http.csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        "/actuator/health",
                        "/actuator/health/**",
                        "/api/v1/openapi",
                        "/api/v1/openapi/**",
                        "/error")
                    .permitAll()
                    .requestMatchers("/api/**", "/actuator/**")
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
