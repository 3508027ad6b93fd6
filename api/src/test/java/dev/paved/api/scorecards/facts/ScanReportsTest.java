package dev.paved.api.scorecards.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Critical vulnerabilities, the image and the scan time from Trivy and Grype JSON reports. */
class ScanReportsTest {

  @Test
  void trivyCountsEachCriticalVulnerabilityOnceAcrossItsResults() throws Exception {
    ScanReports.Scan scan = ScanReports.parse(Resources.text("scans/trivy.json"));
    assertThat(scan.scanner()).isEqualTo("trivy");
    assertThat(scan.critical()).containsExactly("CVE-2024-45491", "CVE-2024-45492");
    assertThat(scan.image()).isEqualTo("ghcr.io/example/payments:1.4.2");
    assertThat(scan.scannedAt()).isEqualTo(Instant.parse("2026-12-01T09:14:03.512839201Z"));
    assertThat(ScanReports.describe(scan))
        .isEqualTo(
            "ghcr.io/example/payments:1.4.2 scanned by trivy at 2026-12-01T09:14:03.512839201Z:"
                + " 2 critical (CVE-2024-45491, CVE-2024-45492)");
  }

  @Test
  void aCleanTrivyScanHasNone() throws Exception {
    ScanReports.Scan scan = ScanReports.parse(Resources.text("scans/trivy-clean.json"));
    assertThat(scan.critical()).isEmpty();
    assertThat(scan.scannedAt()).isEqualTo(Instant.parse("2026-12-02T09:00:00Z"));
  }

  @Test
  void grypeCountsCriticalMatchesAndNamesTheImageAndTime() throws Exception {
    ScanReports.Scan scan = ScanReports.parse(Resources.text("scans/grype.json"));
    assertThat(scan.scanner()).isEqualTo("grype");
    assertThat(scan.critical()).containsExactly("CVE-2024-45491", "CVE-2024-5535");
    assertThat(scan.image()).isEqualTo("ghcr.io/example/payments:1.4.2");
    assertThat(scan.scannedAt()).isEqualTo(Instant.parse("2026-12-01T10:02:17.118247Z"));
  }

  @Test
  void malformedReportsSayWhatIsWrong() {
    assertThatThrownBy(() -> ScanReports.parse(Resources.text("scans/trivy-malformed.json")))
        .hasMessageContaining("Vulnerabilities is not a list");
    assertThatThrownBy(() -> ScanReports.parse(Resources.text("scans/grype-truncated.json")))
        .hasMessageContaining("not JSON");
    assertThatThrownBy(() -> ScanReports.parse("{\"bomFormat\": \"CycloneDX\"}"))
        .hasMessageContaining("neither a Trivy report");
    assertThatThrownBy(() -> ScanReports.parse("[1, 2]")).hasMessageContaining("not a JSON object");
  }
}
