package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Checks of a generated service's CI against what the scorecards read: the test job writes a
 * coverage report, the image job scans the image with a pinned Trivy action into {@code
 * trivy.json}, and the reports job publishes both on {@code paved-reports}; and the repository's
 * own scripts (the publishing script, Go's coverage converter) run here for real.
 */
final class CiWorkflowChecks {

  static final String BRANCH = "paved-reports";

  private CiWorkflowChecks() {}

  static void check(Path repo, String coverageFile) throws IOException {
    String ci = Files.readString(repo.resolve(".github/workflows/ci.yml"));
    assertThat(GitHubWorkflows.problems(ci)).isEmpty();
    JsonNode jobs = ScorecardInputs.YAML.readTree(ci).path("jobs");

    List<JsonNode> test = steps(jobs, "test");
    if (coverageFile.equals("jacoco.xml")) {
      assertThat(runs(test)).anyMatch(r -> r.contains("mvn") && r.contains("verify"));
      String pom = Files.readString(repo.resolve("pom.xml"));
      assertThat(pom).contains("<artifactId>jacoco-maven-plugin</artifactId>");
      assertThat(pom).containsPattern("(?s)<goal>prepare-agent</goal>.*<goal>report</goal>");
      assertThat(pom).contains("<format>XML</format>");
    } else {
      assertThat(runs(test)).anyMatch(r -> r.contains("go test") && r.contains("-coverprofile"));
      assertThat(runs(test))
          .anyMatch(r -> r.contains(".github/gocover-lcov.awk") && r.endsWith("> lcov.info"));
    }
    assertThat(uploaded(test)).anyMatch(path -> path.endsWith(coverageFile));

    List<JsonNode> image = steps(jobs, "image");
    JsonNode scan =
        image.stream()
            .filter(s -> s.path("uses").asText().startsWith("aquasecurity/trivy-action@"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no Trivy scan in the image job"));
    assertThat(scan.path("uses").asText()).matches("aquasecurity/trivy-action@[0-9a-f]{40}");
    JsonNode with = scan.path("with");
    assertThat(with.path("format").asText()).isEqualTo("json");
    assertThat(with.path("output").asText()).isEqualTo("trivy.json");
    assertThat(with.path("severity").asText()).contains("CRITICAL");
    // the image scanned is the one the job built before the scan
    int scanAt = image.indexOf(scan);
    assertThat(image.subList(0, scanAt))
        .anySatisfy(
            s -> {
              assertThat(s.path("uses").asText()).startsWith("docker/build-push-action@");
              assertThat(s.path("with").path("load").asBoolean()).isTrue();
              assertThat(s.path("with").path("tags").asText())
                  .isEqualTo(with.path("image-ref").asText());
            });
    assertThat(uploaded(image.subList(scanAt, image.size()))).contains("trivy.json");

    JsonNode reports = jobs.path("reports");
    assertThat(reports.path("needs").toString()).contains("\"test\"", "\"image\"");
    assertThat(reports.path("if").asText())
        .contains("push", "refs/heads/main", "needs.test.result == 'success'");
    assertThat(reports.path("permissions").path("contents").asText()).isEqualTo("write");
    List<JsonNode> publish = steps(jobs, "reports");
    assertThat(publish)
        .anySatisfy(s -> assertThat(s.path("uses").asText()).startsWith("actions/checkout@"))
        .anySatisfy(
            s -> assertThat(s.path("uses").asText()).startsWith("actions/download-artifact@"));
    JsonNode script =
        publish.stream()
            .filter(s -> s.path("run").asText().contains(".github/publish-reports.sh"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the reports job runs no publish script"));
    assertThat(Set.of(script.path("env").path("FILES").asText().split(" ")))
        .isEqualTo(Set.of(coverageFile, "trivy.json"));
    assertThat(repo.resolve(".github/publish-reports.sh")).isRegularFile();
  }

  /**
   * Runs the repository's publishing script as the reports job does, against a real bare copy of
   * the repository: the first run makes {@code paved-reports} with the reports alone (none of
   * main's history), a changed report adds a commit, an unchanged one adds none, and a report
   * missing from a run keeps its last published version.
   */
  static void publishReportsAsCiDoes(Path repo, String coverageFile) throws Exception {
    Path work = Files.createTempDirectory("reports");
    Path origin = work.resolve("origin.git");
    git(work, "clone", "--quiet", "--bare", repo.toUri().toString(), origin.toString());
    Path reports = Files.createDirectories(work.resolve("reports"));
    Files.writeString(reports.resolve(coverageFile), "coverage of the first build\n");
    Files.writeString(reports.resolve("trivy.json"), "{\"Results\": []}\n");

    RevCommit first = publish(work, origin, reports, coverageFile, "first");
    assertThat(first.getParentCount()).isZero();
    assertThat(files(origin, first))
        .isEqualTo(
            Map.of(
                coverageFile,
                "coverage of the first build\n",
                "trivy.json",
                "{\"Results\": []}\n"));

    Files.writeString(reports.resolve("trivy.json"), "{\"Results\": [{}]}\n");
    RevCommit second = publish(work, origin, reports, coverageFile, "second");
    assertThat(second.getParent(0)).isEqualTo(first);
    assertThat(files(origin, second)).containsEntry("trivy.json", "{\"Results\": [{}]}\n");

    assertThat(publish(work, origin, reports, coverageFile, "third")).isEqualTo(second);

    // the image did not build: the new coverage is published, the last scan stays
    Files.delete(reports.resolve("trivy.json"));
    Files.writeString(reports.resolve(coverageFile), "coverage of the fourth build\n");
    RevCommit fourth = publish(work, origin, reports, coverageFile, "fourth");
    assertThat(fourth.getParent(0)).isEqualTo(second);
    assertThat(files(origin, fourth))
        .isEqualTo(
            Map.of(
                coverageFile,
                "coverage of the fourth build\n",
                "trivy.json",
                "{\"Results\": [{}]}\n"));
  }

  /**
   * Go's coverage profile, as {@code go test -coverprofile} writes it, becomes lcov through the
   * repository's own converter, with the module's files named relative to the repository.
   */
  static void goCoverageBecomesLcov(Path repo, String module) throws Exception {
    Path profile = Files.createTempFile("coverage", ".out");
    Files.writeString(
        profile,
        String.join(
            "\n",
            "mode: atomic",
            module + "/handlers.go:16.59,18.15 2 1",
            module + "/handlers.go:18.15,20.4 1 0",
            module + "/handlers.go:21.3,21.10 1 4",
            module + "/main.go:20.13,22.2 2 0",
            ""));
    Path lcov = Files.createTempFile("lcov", ".info");
    Process awk =
        new ProcessBuilder(
                "awk",
                "-v",
                "module=" + module,
                "-f",
                ".github/gocover-lcov.awk",
                profile.toString())
            .directory(repo.toFile())
            .redirectOutput(lcov.toFile())
            .redirectErrorStream(false)
            .start();
    assertThat(awk.waitFor(1, TimeUnit.MINUTES) && awk.exitValue() == 0).isTrue();
    List<String> lines = Files.readAllLines(lcov);
    // handlers.go: lines 16-21 found, 19 and 20 only in the block that never ran; main.go: 20-22
    assertThat(lines)
        .containsSubsequence("SF:handlers.go", "DA:19,0", "LF:6", "LH:4", "end_of_record")
        .containsSubsequence("SF:main.go", "LF:3", "LH:0", "end_of_record");
    assertThat(repo.resolve("handlers.go")).isRegularFile();
    assertThat(repo.resolve("main.go")).isRegularFile();
  }

  private static RevCommit publish(
      Path work, Path origin, Path reports, String coverageFile, String run) throws Exception {
    Path checkout = work.resolve(run);
    git(work, "clone", "--quiet", "--branch", "main", origin.toString(), checkout.toString());
    ProcessBuilder script =
        new ProcessBuilder("bash", ".github/publish-reports.sh")
            .directory(checkout.toFile())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve(run + ".log").toFile());
    script.environment().put("REPORTS", reports.toString());
    script.environment().put("FILES", coverageFile + " trivy.json");
    Process started = script.start();
    assertThat(started.waitFor(2, TimeUnit.MINUTES) && started.exitValue() == 0)
        .as("publish-reports.sh: %s", Files.readString(work.resolve(run + ".log")))
        .isTrue();
    try (Repository repository = Git.open(origin.toFile()).getRepository();
        RevWalk walk = new RevWalk(repository)) {
      return walk.parseCommit(repository.resolve("refs/heads/" + BRANCH));
    }
  }

  private static Map<String, String> files(Path origin, RevCommit commit) throws IOException {
    Map<String, String> files = new java.util.TreeMap<>();
    try (Repository repository = Git.open(origin.toFile()).getRepository();
        TreeWalk tree = new TreeWalk(repository)) {
      tree.addTree(commit.getTree());
      tree.setRecursive(true);
      while (tree.next()) {
        files.put(
            tree.getPathString(),
            new String(repository.open(tree.getObjectId(0)).getBytes(), "UTF-8"));
      }
    }
    return files;
  }

  private static void git(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(Arrays.asList(args));
    Path log = Files.createTempFile("git", ".log");
    Process git =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(git.waitFor(2, TimeUnit.MINUTES) && git.exitValue() == 0)
        .as("%s: %s", command, Files.readString(log))
        .isTrue();
  }

  private static List<JsonNode> steps(JsonNode jobs, String job) {
    List<JsonNode> steps = new ArrayList<>();
    jobs.path(job).path("steps").forEach(steps::add);
    assertThat(steps).as("steps of job %s", job).isNotEmpty();
    return steps;
  }

  private static List<String> runs(List<JsonNode> steps) {
    return steps.stream().map(s -> s.path("run").asText().strip()).toList();
  }

  /** The paths the steps upload as artifacts. */
  private static List<String> uploaded(List<JsonNode> steps) {
    return steps.stream()
        .filter(s -> s.path("uses").asText().startsWith("actions/upload-artifact@"))
        .map(s -> s.path("with").path("path").asText().strip())
        .toList();
  }
}
