package dev.paved.api.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.activities.actions.ActionDeclaration;
import dev.paved.activities.dashboard.LocalDashboardProvider;
import dev.paved.activities.git.LocalGitRepositories;
import dev.paved.activities.pullrequest.LocalPullRequestHost;
import dev.paved.activities.pullrequest.LocalPullRequests;
import dev.paved.activities.render.TemplateRenderer;
import dev.paved.activities.repository.LocalRepositoryHost;
import dev.paved.activities.support.RepoUrl;
import dev.paved.activities.support.Workspaces;
import dev.paved.api.actions.ActionRegistry;
import dev.paved.api.templates.LoadedTemplate;
import dev.paved.api.templates.RefusedTemplate;
import dev.paved.api.templates.TemplateRegistry;
import dev.paved.terraform.CdktfSynth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example in docs/templates.md and docs/actions.md (the actions' own, from their
 * declarations) works as the page says: templates and steps load and dry-run to the end, refused
 * examples are refused, and every action's inputs are documented.
 */
class TemplateDocsTest {

  private static final Path DOCS = Path.of("../docs/templates.md");

  /** The actions reference, generated from the declarations with their examples. */
  private static final Path ACTIONS = Path.of("../docs/actions.md");

  private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

  /** The form and values the page promises each step example (see "Examples on this page"). */
  private static final String FORM =
      """
      apiVersion: scaffolder.backstage.io/v1beta3
      kind: Template
      metadata:
        name: %s
      spec:
        parameters:
          - required: [name, owner, repoUrl]
            properties:
              name: {type: string}
              owner: {type: string}
              repoUrl: {type: string}
              description: {type: string}
              environments: {type: array, items: {type: string}}
              database: {type: boolean}
        steps:
      %s
      """;

  private static final Map<String, Object> VALUES =
      Map.of(
          "name", "checkout",
          "owner", "group:default/team-payments",
          "repoUrl", "github.com?owner=acme&repo=checkout",
          "description", "Checkout API",
          "environments", List.of("dev", "test", "prod"),
          "database", false);

  @TempDir Path dir;
  private Path templates;
  private String docs;
  private DryRunService dryRuns;

  @BeforeEach
  void setUp() throws IOException {
    docs = Files.readString(DOCS) + "\n" + Files.readString(ACTIONS);
    templates = Files.createDirectories(dir.resolve("templates"));
    LocalGitRepositories git = new LocalGitRepositories(dir.resolve("git"));
    RepoUrl gitops = RepoUrl.parse("github.com?owner=platform&repo=gitops");
    dryRuns =
        new DryRunService(
            new DryRunProviders(
                new TemplateRenderer(),
                new LocalRepositoryHost(git),
                new LocalPullRequestHost(
                    git, new LocalPullRequests(dir.resolve("pulls")), gitops, "http://localhost"),
                gitops,
                new LocalDashboardProvider(new Workspaces(dir.resolve("workspaces"))),
                null, // paved:vault:secrets only plans: no store is read
                new CdktfSynth(),
                (repoContentsUrl, path) -> Optional.empty()));
  }

  private record Example(String kind, String expectation, String yaml) {}

  private List<Example> examples() {
    List<Example> examples = new ArrayList<>();
    Matcher block = YAML_BLOCK.matcher(docs);
    while (block.find()) {
      String yaml = block.group(1);
      String first = yaml.lines().findFirst().orElse("");
      if (first.startsWith("# ") && first.contains(" example")) {
        String kind = first.substring(2, first.indexOf(" example"));
        int colon = first.indexOf(": ");
        examples.add(new Example(kind, colon < 0 ? "" : first.substring(colon + 2), yaml));
      }
    }
    return examples;
  }

  @Test
  void everyExampleLoadsAndDryRunsToTheEndOrIsRefusedAsThePageSays() throws IOException {
    List<Example> examples = examples();
    assertThat(examples).extracting(Example::kind).contains("template", "step", "refused");
    assertThat(examples).filteredOn(e -> e.kind().equals("step")).hasSizeGreaterThan(12);
    int n = 0;
    for (Example example : examples) {
      String name = "example-" + ++n;
      String yaml =
          example.kind().equals("template")
              ? example.yaml().replaceFirst("(?m)^  name: .*$", "  name: " + name)
              : FORM.formatted(name, example.yaml().indent(4));
      write(name, yaml);
    }
    TemplateRegistry registry =
        new TemplateRegistry(
            templates, List.of(), dir.resolve("data"), new TemplateRenderer()::check);

    n = 0;
    for (Example example : examples) {
      String name = "example-" + ++n;
      String label = name + " (" + example.kind() + "):\n" + example.yaml();
      if (example.kind().equals("refused")) {
        assertThat(registry.refused())
            .as(label)
            .filteredOn(r -> name.equals(r.name()))
            .singleElement()
            .extracting(RefusedTemplate::problems)
            .asString()
            .contains(example.expectation());
        continue;
      }
      assertThat(registry.refused()).as(label).noneMatch(r -> name.equals(r.name()));
      LoadedTemplate template = registry.find(name).orElseThrow();
      Map<String, Object> values = template.parameters().withDefaults(VALUES);
      assertThat(template.parameters().validate(values)).as(label).isEmpty();

      DryRunReport report = dryRuns.run(template, values, "team-payments/checkout", "guest");

      assertThat(report.status()).as(label + "\n" + report.error()).isEqualTo("COMPLETED");
      assertThat(report.steps()).as(label).allMatch(s -> s.status().equals("PLANNED"));
    }
  }

  @Test
  void everyActionHasASectionListingEveryInputItReads() {
    for (ActionDeclaration declaration : ActionRegistry.ALL) {
      String action = declaration.id();
      Matcher heading =
          Pattern.compile("(?m)^### .*`" + Pattern.quote(action) + "`.*$").matcher(docs);
      assertThat(heading.find()).as("a ### section for " + action).isTrue();
      String rest = docs.substring(heading.end());
      Matcher next = Pattern.compile("(?m)^##").matcher(rest);
      String section = next.find() ? rest.substring(0, next.start()) : rest;
      for (String input :
          (Iterable<String>) declaration.inputSchema().path("properties")::fieldNames) {
        assertThat(section).as(action + " documents input " + input).contains("`" + input + "`");
      }
      assertThat(section).as(action + " says its outputs").contains("Outputs:");
      assertThat(section).as(action + " says its undo").contains("Undo:");
      assertThat(section).as(action + " has an example").contains("# step example");
    }
  }

  private void write(String name, String yaml) throws IOException {
    Path folder = Files.createDirectories(templates.resolve(name));
    Files.writeString(folder.resolve("template.yaml"), yaml);
    Map<String, String> files = new LinkedHashMap<>();
    files.put(
        "skeleton/catalog-info.yaml",
        """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: ${{ values.name | dump }}
        spec:
          type: service
          lifecycle: experimental
          owner: ${{ values.owner | dump }}
        """);
    files.put("skeleton/README.md", "# ${{ values.name }}\n");
    files.put("skeleton/docs/index.md", "Welcome to ${{ values.name }}.\n");
    files.put("skeleton/.github/workflows/ci.yml", "on: [push]\nrun: echo ${{ github.sha }}\n");
    files.put("files/ci.yaml.njk", "name: ${{ values.name }}\n");
    files.put("files/page.md.njk", "# ${{ values.environment }} (${{ values.position }})\n");
    files.put("files/LICENSE", "Licensed to ${{ nobody }}, copied as it is.\n");
    files.put("static/logo.txt", "(logo)\n");
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = folder.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue());
    }
  }
}
