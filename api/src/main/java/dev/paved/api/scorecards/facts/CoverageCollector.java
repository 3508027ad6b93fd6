package dev.paved.api.scorecards.facts;

import dev.paved.api.catalog.EntityFiles;
import dev.paved.api.scorecards.Fact;
import dev.paved.api.scorecards.FactCollector;
import dev.paved.api.scorecards.FactDefinition;
import dev.paved.api.scorecards.FactType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code coverage_line_percent}: the line coverage of the CI's report in the entity's repository
 * (JaCoCo XML, Cobertura XML or lcov), at {@code paved.dev/coverage-report} or the usual places.
 */
@Component
class CoverageCollector implements FactCollector {

  static final String ANNOTATION = "paved.dev/coverage-report";
  static final String FACT = "coverage_line_percent";
  static final List<String> DEFAULTS =
      List.of(
          "target/site/jacoco/jacoco.xml",
          "build/reports/jacoco/test/jacocoTestReport.xml",
          "coverage.xml",
          "coverage/cobertura-coverage.xml",
          "coverage/lcov.info",
          "lcov.info");

  private final EntityFiles files;
  private final Clock clock;

  CoverageCollector(EntityFiles files, Clock clock) {
    this.files = files;
    this.clock = clock;
  }

  @Override
  public String id() {
    return "coverage";
  }

  @Override
  public List<FactDefinition> facts() {
    return List.of(
        new FactDefinition(
            FACT,
            FactType.DOUBLE,
            "Line coverage (0-100) of the CI's JaCoCo, Cobertura or lcov report"));
  }

  @Override
  public List<Fact> collect(String entityRef, Map<String, Object> entity) {
    Instant now = clock.instant();
    RepositoryReports.Found found =
        RepositoryReports.find(files, entityRef, entity, ANNOTATION, DEFAULTS);
    if (found.file() == null) {
      return List.of(Fact.unknown(FACT, found.why(), now));
    }
    try {
      CoverageReports.Coverage coverage = CoverageReports.parse(found.file().text());
      return List.of(
          Fact.known(
              FACT,
              coverage.percent(),
              found.file().source(),
              CoverageReports.describe(coverage),
              now));
    } catch (CoverageReports.NotAReport e) {
      return List.of(Fact.unknown(FACT, found.file().source() + " is " + e.getMessage(), now));
    }
  }
}
