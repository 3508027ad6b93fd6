package dev.paved.worker.github;

import dev.paved.activities.github.GithubConnection;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The GitHub connection, when a credential is set; without one there is no such bean and the
 * providers stay local.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GithubProperties.class)
public class GithubConfiguration {

  private static final Logger log = LoggerFactory.getLogger(GithubConfiguration.class);

  @Bean
  @Conditional(GithubConfigured.class)
  GithubConnection githubConnection(GithubProperties github) {
    GithubConnection connection = github.connect(Clock.systemUTC());
    log.info("Publishing to GitHub at {} ({})", connection.apiUrl(), connection.authentication());
    return connection;
  }
}
