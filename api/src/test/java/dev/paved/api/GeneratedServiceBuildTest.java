package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The quality gate of the Java golden paths: the repository a run makes builds and passes its own
 * tests with {@code mvn verify}, as its CI will run them (the PostgreSQL variant's tests run on H2
 * in PostgreSQL mode, with its Flyway migrations), and JaCoCo's report of that run shows the
 * scaffold's tests covering at least 80 % of its lines.
 */
class GeneratedServiceBuildTest extends EndToEndTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"java-service", "java-service-postgres"})
  void theGeneratedJavaServicePassesMvnVerify(String template) throws Exception {
    String name = template.equals("java-service") ? "ledger-api" : "ledger-db";
    JsonNode started =
        startRun(
            template,
            Map.of(
                "name", name,
                "owner", "group:default/team-ledger",
                "description", "Ledger & balances <internal>",
                "lifecycle", "production"));
    JsonNode run = approveAndAwaitEnd(started.path("id").asText());
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("COMPLETED");

    Path clone = Files.createTempDirectory(name);
    String remoteUrl = run.path("output").path("links").get(0).path("url").asText();
    Git.cloneRepository().setURI(remoteUrl).setDirectory(clone.toFile()).call().close();
    String javaPackage = name.replace("-", "");
    assertThat(clone.resolve("src/main/java/service/" + javaPackage + "/Application.java"))
        .isRegularFile();

    Path log = Files.createTempFile(name + "-build", ".log");
    Process build =
        new ProcessBuilder(List.of("mvn", "-B", "-ntp", "-q", "verify"))
            .directory(clone.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean finished = build.waitFor(10, TimeUnit.MINUTES);
    if (!finished) {
      build.destroyForcibly();
    }
    assertThat(finished && build.exitValue() == 0)
        .as("mvn verify of the generated service failed:%n%s", Files.readString(log))
        .isTrue();
    assertThat(
            clone
                .resolve("target/surefire-reports")
                .toFile()
                .list((dir, file) -> file.endsWith(".txt")))
        .isNotEmpty();
    // JaCoCo's report, as CI publishes it for the scorecards: the scaffold's own tests cover at
    // least 80 % of its lines, so the coverage rule passes on the first day.
    double[] lines = lineCounter(clone.resolve("target/site/jacoco/jacoco.xml"));
    assertThat(lines[0] + lines[1]).as("lines found").isPositive();
    assertThat(100 * lines[1] / (lines[0] + lines[1]))
        .as("line coverage (missed %s, covered %s)", lines[0], lines[1])
        .isGreaterThanOrEqualTo(80.0);
  }

  /** The report's own LINE counter (the {@code report} element's child): missed, covered. */
  static double[] lineCounter(Path jacocoXml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    // jacoco.xml names its DTD; nothing is fetched or expanded
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    factory.setExpandEntityReferences(false);
    Element report = factory.newDocumentBuilder().parse(jacocoXml.toFile()).getDocumentElement();
    assertThat(report.getTagName()).isEqualTo("report");
    for (Node child = report.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element counter
          && counter.getTagName().equals("counter")
          && counter.getAttribute("type").equals("LINE")) {
        return new double[] {
          Double.parseDouble(counter.getAttribute("missed")),
          Double.parseDouble(counter.getAttribute("covered"))
        };
      }
    }
    throw new AssertionError("no LINE counter in " + jacocoXml);
  }
}
