package dev.paved.api.scorecards.facts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The critical vulnerabilities of an image scan: Trivy JSON ({@code
 * Results[].Vulnerabilities[].Severity}) or Grype JSON ({@code matches[].vulnerability.severity}),
 * each vulnerability counted once however many packages carry it.
 */
final class ScanReports {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What a scan found.
   *
   * @param scanner {@code trivy} or {@code grype}
   * @param image the image (or path) scanned, or null when the report does not say
   * @param scannedAt when, or null when the report does not say
   * @param critical the ids of the critical vulnerabilities, sorted
   */
  record Scan(String scanner, String image, Instant scannedAt, Set<String> critical) {}

  /** A file that is not a Trivy or Grype JSON report. */
  static final class NotAReport extends Exception {
    NotAReport(String message) {
      super(message);
    }
  }

  private ScanReports() {}

  static Scan parse(String text) throws NotAReport {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new NotAReport("not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new NotAReport("not a JSON object");
    }
    if (root.has("matches")) {
      return grype(root);
    }
    if (root.has("Results") || root.has("SchemaVersion")) {
      return trivy(root);
    }
    throw new NotAReport("neither a Trivy report (Results) nor a Grype report (matches)");
  }

  private static Scan trivy(JsonNode root) throws NotAReport {
    JsonNode results = root.path("Results");
    if (!results.isMissingNode() && !results.isNull() && !results.isArray()) {
      throw new NotAReport("a Trivy report whose Results is not a list");
    }
    Set<String> critical = new TreeSet<>();
    for (JsonNode result : results) {
      JsonNode vulnerabilities = result.path("Vulnerabilities");
      if (!vulnerabilities.isMissingNode()
          && !vulnerabilities.isNull()
          && !vulnerabilities.isArray()) {
        throw new NotAReport("a Trivy report whose Vulnerabilities is not a list");
      }
      for (JsonNode v : vulnerabilities) {
        if ("CRITICAL".equalsIgnoreCase(v.path("Severity").asText())) {
          critical.add(id(v.path("VulnerabilityID").asText(), v.path("PkgName").asText()));
        }
      }
    }
    return new Scan(
        "trivy", text(root.path("ArtifactName")), instant(root.path("CreatedAt")), critical);
  }

  private static Scan grype(JsonNode root) throws NotAReport {
    JsonNode matches = root.path("matches");
    if (!matches.isArray()) {
      throw new NotAReport("a Grype report whose matches is not a list");
    }
    Set<String> critical = new TreeSet<>();
    for (JsonNode match : matches) {
      JsonNode v = match.path("vulnerability");
      if ("CRITICAL".equalsIgnoreCase(v.path("severity").asText())) {
        critical.add(id(v.path("id").asText(), match.path("artifact").path("name").asText()));
      }
    }
    JsonNode target = root.path("source").path("target");
    String image = text(target.path("userInput"));
    if (image == null && target.isTextual()) {
      image = target.asText(); // a directory scan names its path here
    }
    return new Scan("grype", image, instant(root.path("descriptor").path("timestamp")), critical);
  }

  private static String id(String id, String pkg) {
    return id.isBlank() ? "unnamed in " + pkg : id;
  }

  private static String text(JsonNode node) {
    return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
  }

  private static Instant instant(JsonNode node) {
    if (!node.isTextual()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(node.asText()).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static String describe(Scan scan) {
    StringBuilder line = new StringBuilder();
    line.append(scan.image() == null ? "an unnamed image" : scan.image());
    line.append(" scanned by ").append(scan.scanner());
    line.append(
        scan.scannedAt() == null ? " (scan time not in the report)" : " at " + scan.scannedAt());
    line.append(": ").append(scan.critical().size()).append(" critical");
    if (!scan.critical().isEmpty()) {
      line.append(" (")
          .append(String.join(", ", scan.critical().stream().limit(5).toList()))
          .append(scan.critical().size() > 5 ? ", ..." : "")
          .append(")");
    }
    return line.toString();
  }
}
