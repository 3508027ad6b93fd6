package dev.paved.api.scorecards;

import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The scorecards registry over the collectors' facts, and its schedule. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScorecardProperties.class)
class ScorecardConfiguration {

  @Bean
  ScorecardRegistry scorecardRegistry(
      ScorecardProperties properties, List<FactCollector> collectors) {
    return new ScorecardRegistry(properties.dir(), collectors);
  }

  @Bean(destroyMethod = "close")
  ScorecardSchedule scorecardSchedule(
      ScorecardRegistry registry, ScoreEvaluator evaluator, ScorecardProperties properties) {
    return new ScorecardSchedule(registry, evaluator, properties);
  }
}
