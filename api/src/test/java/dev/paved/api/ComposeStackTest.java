package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The production stack at the repository root (docker-compose.yml, the Dockerfiles, .env.example,
 * docs/operations.md) stays whole: Compose accepts it, and its parts agree with each other.
 */
class ComposeStackTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path COMPOSE_FILE = ROOT.resolve("docker-compose.yml");

  @Test
  void composeAcceptsTheStack() throws Exception {
    List<String> compose =
        composeCommand()
            .orElseGet(
                () ->
                    abort(
                        "neither 'docker compose' nor 'docker-compose' runs here:"
                            + " the stack's syntax is not checked by Compose itself"));
    assertAccepted(compose, List.of());
    assertAccepted(compose, List.of("--env-file", ROOT.resolve(".env.example").toString()));
  }

  @Test
  void apiAndTwoWorkersAreWiredForTheClusterAndTheWorkersShareNoVolume() throws IOException {
    Map<String, Object> services = map(compose().get("services"));
    ComposeFile stack = ComposeFile.withEnvFile(ROOT.resolve(".env.example"));
    Map<String, String> apiEnv = stack.environment("paved-api");

    assertThat(apiEnv).containsEntry("PAVED_WORKER_ENABLED", "false");
    assertThat(apiEnv.get("PAVED_DB_URL")).startsWith("jdbc:postgresql://paved-db:");
    assertThat(services).containsKeys("paved-db", "temporal", "temporal-ui", "vault", "grafana");
    assertThat(apiEnv)
        .containsEntry("PAVED_TEMPORAL_TARGET", "temporal:7233")
        .containsEntry("PAVED_WORKSPACES_STORE", "database");
    for (String worker : List.of("paved-worker", "paved-worker-2")) {
      Map<String, String> env = stack.environment(worker);
      assertThat(env)
          .containsEntry("PAVED_TEMPORAL_TARGET", "temporal:7233")
          .containsEntry("PAVED_WORKSPACES_STORE", "database")
          .containsEntry("PAVED_DB_URL", apiEnv.get("PAVED_DB_URL"))
          .containsEntry("PAVED_DATA_DIR", "/var/lib/paved");
      // workspaces and template snapshots come from the database: no volume, none shared
      assertThat(stack.volumes(worker)).as(worker).isEmpty();
    }
    assertThat(stack.volumes("paved-api")).contains("paved-data:/var/lib/paved");
  }

  @Test
  void tryingWithoutGithubSharesOnlyTheLocalGitFolders() throws IOException {
    Object file =
        new Yaml()
            .load(
                Files.readString(
                    ROOT.resolve("docker-compose.local-git.yml"), StandardCharsets.UTF_8));
    Map<String, Object> services = map(map(file).get("services"));

    assertThat(services).containsOnlyKeys("paved-api", "paved-worker", "paved-worker-2");
    for (Object service : services.values()) {
      // bare repositories and pull-request records; never the workspaces or the whole data folder
      assertThat(map(service).get("volumes"))
          .asList()
          .containsExactly(
              "paved-git:/var/lib/paved/git", "paved-pull-requests:/var/lib/paved/pull-requests");
    }
  }

  @Test
  void theApiSignsUsersInFromTheMountedUsersFileAndTheWorkerHasNoSignIn() throws IOException {
    Map<String, Object> services = map(compose().get("services"));
    ComposeFile stack = ComposeFile.withEnvFile(ROOT.resolve(".env.example"));
    Map<String, String> api = stack.environment("paved-api");
    String usersFile = api.get("PAVED_USERS_FILE");

    assertThat(usersFile).isEqualTo("/etc/paved/users.yaml");
    assertThat(map(services.get("paved-api")).get("volumes"))
        .asList()
        .contains("${PAVED_USERS_FILE_HOST:-./deploy/users.example.yaml}:" + usersFile + ":ro");
    assertThat(stack.bindMountSource("paved-api", usersFile))
        .isEqualTo(ROOT.resolve("deploy/users.example.yaml"))
        .isRegularFile();
    assertThat(api).containsEntry("PAVED_OIDC_ISSUER_URI", "");
    // an empty claim would not fall back to Paved's default
    assertThat(api).containsEntry("PAVED_OIDC_GROUPS_CLAIM", "groups");
    // the worker serves no one: no sign-in settings, no users file
    assertThat(stack.environment("paved-worker"))
        .doesNotContainKeys("PAVED_USERS_FILE", "PAVED_OIDC_ISSUER_URI", "PAVED_OIDC_GROUPS_CLAIM");
    assertThat(stack.volumes("paved-worker")).noneMatch(volume -> volume.contains(usersFile));
  }

  @Test
  void oidcFromEnvReplacesTheUsersFile(@TempDir Path temp) throws IOException {
    Path env = temp.resolve(".env");
    Files.writeString(
        env,
        "PAVED_USERS_FILE=\n"
            + "PAVED_OIDC_ISSUER_URI=https://id.example.com/realms/platform\n"
            + "PAVED_OIDC_GROUPS_CLAIM=roles\n"
            + "PAVED_USERS_FILE_HOST=/srv/paved/users.yaml\n");
    ComposeFile stack = ComposeFile.withEnvFile(env);

    // Paved refuses a users file and an issuer together: PAVED_USERS_FILE= must empty it
    assertThat(stack.environment("paved-api"))
        .containsEntry("PAVED_USERS_FILE", "")
        .containsEntry("PAVED_OIDC_ISSUER_URI", "https://id.example.com/realms/platform")
        .containsEntry("PAVED_OIDC_GROUPS_CLAIM", "roles");
    assertThat(stack.volumes("paved-api"))
        .contains("/srv/paved/users.yaml:/etc/paved/users.yaml:ro");
  }

  @Test
  void envExampleNamesEveryVariableTheComposeFileReads() throws IOException {
    String example = Files.readString(ROOT.resolve(".env.example"));
    Set<String> read = ComposeFile.variablesRead();

    assertThat(read)
        .contains("PAVED_DB_PASSWORD", "PAVED_USERS_FILE_HOST", "PAVED_OIDC_ISSUER_URI");
    for (String variable : read) {
      assertThat(example)
          .as(".env.example names " + variable + " (set, or commented out with its form)")
          .containsPattern("(?m)^#?\\s*" + Pattern.quote(variable) + "=");
    }
  }

  @Test
  void everyImageIsPinned() throws IOException {
    map(compose().get("services"))
        .forEach(
            (name, service) -> {
              Object image = map(service).get("image");
              if (map(service).containsKey("build")) {
                return;
              }
              assertThat((String) image)
                  .as("image of %s", name)
                  .matches(".+:[0-9][^:]*")
                  .doesNotEndWith(":latest");
            });
  }

  @Test
  void theBuildContextHoldsWhatTheDockerfilesCopy() throws IOException {
    String ignore = Files.readString(ROOT.resolve(".dockerignore"));
    Pattern copy = Pattern.compile("(?m)^COPY\\s+(\\S+)\\s+\\S+$");
    for (String dockerfile : List.of("api/Dockerfile", "worker/Dockerfile")) {
      Matcher matcher = copy.matcher(Files.readString(ROOT.resolve(dockerfile)));
      int copies = 0;
      while (matcher.find()) {
        String source = matcher.group(1);
        assertThat(ignore)
            .as(dockerfile + " copies " + source)
            .containsPattern("(?m)^!" + Pattern.quote(source) + "/?$");
        copies++;
      }
      assertThat(copies).as(dockerfile).isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void everyPavedVariableOfTheStackIsDocumented() throws IOException {
    String operations = Files.readString(ROOT.resolve("docs/operations.md"));
    Set<String> variables = new TreeSet<>();
    Matcher matcher =
        Pattern.compile("\\b(PAVED_[A-Z0-9_]+)")
            .matcher(
                Files.readString(COMPOSE_FILE) + Files.readString(ROOT.resolve(".env.example")));
    while (matcher.find()) {
      variables.add(matcher.group(1));
    }
    assertThat(variables).contains("PAVED_TEMPORAL_TARGET", "PAVED_DB_URL", "PAVED_VAULT_ADDR");
    for (String variable : variables) {
      assertThat(operations).as("docs/operations.md names " + variable).contains(variable);
    }
  }

  private static void assertAccepted(List<String> compose, List<String> options)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(compose);
    command.addAll(List.of("-f", COMPOSE_FILE.toString()));
    command.addAll(options);
    command.addAll(List.of("config", "-q"));
    Process process =
        new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
  }

  /** {@code docker compose} (v2), else {@code docker-compose}, whichever runs here. */
  private static Optional<List<String>> composeCommand() {
    for (List<String> candidate :
        List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
      List<String> version = new ArrayList<>(candidate);
      version.add("version");
      try {
        Process process = new ProcessBuilder(version).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
          return Optional.of(candidate);
        }
      } catch (IOException e) {
        // not installed: try the next one
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Map<String, Object> compose() throws IOException {
    return map(new Yaml().load(Files.readString(COMPOSE_FILE)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node) {
    assertThat(node).isInstanceOf(Map.class);
    return (Map<String, Object>) node;
  }
}
