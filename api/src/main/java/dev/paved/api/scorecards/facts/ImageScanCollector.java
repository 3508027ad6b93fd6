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
 * {@code critical_cves}: the critical vulnerabilities of the image scan report (Trivy or Grype
 * JSON) in the entity's repository, at {@code paved.dev/image-scan-report} or the usual places; the
 * detail names the image and when it was scanned.
 */
@Component
class ImageScanCollector implements FactCollector {

  static final String ANNOTATION = "paved.dev/image-scan-report";
  static final String FACT = "critical_cves";
  static final List<String> DEFAULTS =
      List.of("trivy.json", "grype.json", "reports/trivy.json", "reports/grype.json");

  private final EntityFiles files;
  private final Clock clock;

  ImageScanCollector(EntityFiles files, Clock clock) {
    this.files = files;
    this.clock = clock;
  }

  @Override
  public String id() {
    return "image-scan";
  }

  @Override
  public List<FactDefinition> facts() {
    return List.of(
        new FactDefinition(
            FACT,
            FactType.INT,
            "Critical vulnerabilities in the service's image, from its Trivy or Grype report"));
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
      ScanReports.Scan scan = ScanReports.parse(found.file().text());
      return List.of(
          Fact.known(
              FACT,
              (long) scan.critical().size(),
              found.file().source(),
              ScanReports.describe(scan),
              now));
    } catch (ScanReports.NotAReport e) {
      return List.of(Fact.unknown(FACT, found.file().source() + " is " + e.getMessage(), now));
    }
  }
}
