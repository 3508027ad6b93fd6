package dev.paved.api.scorecards;

import dev.paved.api.templates.TemplateLocation;
import dev.paved.api.templates.TemplateSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The scorecards registry over the collectors' facts, and its schedule. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScorecardProperties.class)
class ScorecardConfiguration {

  /**
   * The registry over {@code paved.scorecards.dir}, then each of {@code .locations}; a location
   * that does not parse stops the start, as a template location does.
   */
  @Bean
  ScorecardRegistry scorecardRegistry(
      ScorecardProperties properties,
      List<FactCollector> collectors,
      @Value("${paved.data-dir}") Path dataDir) {
    List<TemplateSource> sources = new ArrayList<>();
    sources.add(new TemplateSource.Folder(properties.dir()));
    for (String location : properties.locations()) {
      sources.add(TemplateLocation.parse(location, dataDir.resolve("scorecard-sources")));
    }
    return new ScorecardRegistry(sources, collectors);
  }

  @Bean(destroyMethod = "close")
  ScorecardSchedule scorecardSchedule(
      ScorecardRegistry registry, ScoreEvaluator evaluator, ScorecardProperties properties) {
    return new ScorecardSchedule(registry, evaluator, properties);
  }
}
