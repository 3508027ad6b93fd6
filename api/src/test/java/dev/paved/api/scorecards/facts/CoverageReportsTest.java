package dev.paved.api.scorecards.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** Line coverage from JaCoCo, Cobertura and lcov reports as the tools write them. */
class CoverageReportsTest {

  @Test
  void jacocoReadsTheReportLevelLineCounterNotTheFirstOne() throws Exception {
    CoverageReports.Coverage c = CoverageReports.parse(Resources.text("coverage/jacoco.xml"));
    assertThat(c.format()).isEqualTo("jacoco");
    assertThat(c.covered()).isEqualTo(34);
    assertThat(c.total()).isEqualTo(38);
    assertThat(c.percent()).isCloseTo(89.47, within(0.01));
    assertThat(CoverageReports.describe(c)).isEqualTo("89.5% of 38 lines (jacoco)");
  }

  @Test
  void coberturaReadsTheRootLineRate() throws Exception {
    CoverageReports.Coverage c = CoverageReports.parse(Resources.text("coverage/cobertura.xml"));
    assertThat(c.format()).isEqualTo("cobertura");
    assertThat(c.percent()).isCloseTo(72.5, within(0.001));
    assertThat(c.total()).isEqualTo(120);
  }

  @Test
  void lcovSumsLinesFoundAndHitOverItsRecords() throws Exception {
    CoverageReports.Coverage c = CoverageReports.parse(Resources.text("coverage/lcov.info"));
    assertThat(c.format()).isEqualTo("lcov");
    assertThat(c.covered()).isEqualTo(8);
    assertThat(c.total()).isEqualTo(10);
    assertThat(c.percent()).isCloseTo(80.0, within(0.001));
  }

  @Test
  void aTruncatedReportIsNotOne() {
    assertThatThrownBy(() -> CoverageReports.parse(Resources.text("coverage/jacoco-truncated.xml")))
        .isInstanceOf(CoverageReports.NotAReport.class)
        .hasMessageContaining("not well-formed XML");
  }

  @Test
  void externalAndExpandingEntitiesAreRefused() {
    assertThatThrownBy(() -> CoverageReports.parse(Resources.text("coverage/xxe.xml")))
        .isInstanceOf(CoverageReports.NotAReport.class)
        .hasMessageContaining("entit");
    assertThatThrownBy(() -> CoverageReports.parse(Resources.text("coverage/laughs.xml")))
        .isInstanceOf(CoverageReports.NotAReport.class)
        .hasMessageContaining("entit");
  }

  @Test
  void anExternalDtdIsNeverFetched() throws Exception {
    try (MockWebServer dtdHost = new MockWebServer()) {
      dtdHost.start();
      String xml =
          "<?xml version=\"1.0\"?><!DOCTYPE report SYSTEM \""
              + dtdHost.url("/evil.dtd")
              + "\"><report name=\"x\"><counter type=\"LINE\" missed=\"1\" covered=\"3\"/>"
              + "</report>";
      assertThat(CoverageReports.parse(xml).percent()).isEqualTo(75.0);
      assertThat(dtdHost.getRequestCount()).isZero();
    }
  }

  @Test
  void malformedLcovAndOtherFilesSayWhatIsWrong() {
    assertThatThrownBy(() -> CoverageReports.parse(Resources.text("coverage/lcov-bad.info")))
        .hasMessageContaining("lcov line 4 is not a count: LF:six");
    assertThatThrownBy(() -> CoverageReports.parse("# Payments\n\nNot a report.\n"))
        .hasMessageContaining("no SF: record");
    assertThatThrownBy(() -> CoverageReports.parse("<html><body/></html>"))
        .hasMessageContaining("root <html>");
    assertThatThrownBy(() -> CoverageReports.parse("<report name=\"x\"></report>"))
        .hasMessageContaining("without a report-level LINE counter");
    assertThatThrownBy(
            () ->
                CoverageReports.parse("<coverage line-rate=\"1.7\" lines-valid=\"1\"></coverage>"))
        .hasMessageContaining("outside 0 to 1");
    assertThatThrownBy(() -> CoverageReports.parse("TN:\nSF:a.ts\nLF:0\nLH:0\nend_of_record\n"))
        .hasMessageContaining("counts no lines");
  }
}
