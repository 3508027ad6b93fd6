package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paved.api.catalog.CatalogGitRepos;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Backstage's own {@code @backstage/catalog-client} (the exact version in
 * src/test/catalog-client/package-lock.json, installed with {@code npm ci}) against a running
 * local-mode Paved: add a location, list with a filter, get by ref, page with a cursor, read
 * facets. The script prints JSON; the assertions are here.
 */
class CatalogClientTest extends EndToEndTest {

  private static final Path CLIENT = Path.of("src/test/catalog-client");

  private static final String FILE =
      """
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: cc-orders}
      spec: {type: service, lifecycle: production, owner: team-payments}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: cc-web}
      spec: {type: website, lifecycle: experimental, owner: team-payments}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: cc-search}
      spec: {type: service, lifecycle: production, owner: team-search}
      """;

  @Test
  void backstagesCatalogClientWorksAgainstPaved() throws Exception {
    CatalogGitRepos repos = new CatalogGitRepos(dataDir);
    repos.commit("platform", "cc", Map.of("catalog-info.yaml", FILE));
    String target = repos.url("platform", "cc", "catalog-info.yaml");

    run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), Map.of());
    String output =
        run(
            List.of("node", "check.js"),
            Map.of(
                "PAVED_URL", "http://localhost:" + port,
                "PAVED_USER", PLATFORM_USER,
                "PAVED_PASSWORD", PLATFORM_USER,
                "TARGET", target));
    JsonNode out = JSON.readTree(output);

    assertThat(out.path("added").path("entities").asInt()).isEqualTo(3);
    assertThat(out.path("added").path("target").asText()).isEqualTo(target);
    assertThat(out.path("duplicate").asText()).isEqualTo("ResponseError: ConflictError 409");
    assertThat(out.path("production").toString()).isEqualTo("[\"cc-orders\",\"cc-search\"]");
    assertThat(out.path("byRef").path("name").asText()).isEqualTo("cc-orders");
    assertThat(out.path("byRef").path("uid").asBoolean()).isTrue();
    assertThat(out.path("byRef").path("relations").asInt()).isEqualTo(1);
    assertThat(out.path("missing").isNull()).isTrue();
    assertThat(out.path("byRefs").toString()).isEqualTo("[\"cc-web\",null]");
    assertThat(out.path("totalItems").asInt()).isEqualTo(3);
    assertThat(out.path("pages").toString())
        .isEqualTo("[[\"cc-orders\",\"cc-search\"],[\"cc-web\"]]");
    assertThat(out.path("facets").toString()).isEqualTo("{\"service\":2,\"website\":1}");
    assertThat(out.path("location").asText()).isEqualTo(target);
    assertThat(out.path("removed").asBoolean()).isTrue();
  }

  /** Runs the command in the client's folder; its standard output, or an AssertionError. */
  private static String run(List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("catalog-client", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(CLIENT.toFile()).redirectError(log.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not end within 5 minutes");
    }
    if (process.exitValue() != 0) {
      throw new AssertionError(
          command + " failed (" + process.exitValue() + "): " + stdout + Files.readString(log));
    }
    return stdout.strip();
  }
}
