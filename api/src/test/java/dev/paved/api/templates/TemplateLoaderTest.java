package dev.paved.api.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.workflows.steps.ActionSpec;
import dev.paved.workflows.steps.FailurePolicy;
import dev.paved.workflows.steps.StepClass;
import dev.paved.workflows.steps.StepLimits;
import dev.paved.workflows.steps.StepPlan;
import dev.paved.workflows.steps.TemplatePlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateLoaderTest {

  @TempDir Path dir;

  /** Flags any expression holding "bad" so the loader's wiring of the check can be seen. */
  private final TemplateLoader loader =
      new TemplateLoader(
          (value, where) ->
              String.valueOf(value).contains("bad")
                  ? List.of(where + ": syntax error near 'bad'")
                  : List.of());

  @Test
  void loadsAValidTemplateIntoAFrozenPlan() throws IOException {
    TemplateLoader.Result result =
        loader.load(write("ok", steps("fetch:template", "${{ parameters.name }}")));
    assertThat(result.refused()).isNull();
    LoadedTemplate template = result.template();
    assertThat(template.name()).isEqualTo("ok");
    assertThat(template.plan().steps()).hasSize(1);
    assertThat(template.plan().steps().get(0).input())
        .containsEntry("url", "${{ parameters.name }}");
    assertThat(template.plan().steps().get(0).ifCondition()).isEqualTo("${{ parameters.go }}");
    // how the workflow runs the step is frozen too, from the action's declaration
    ActionSpec spec = template.plan().steps().get(0).spec();
    assertThat(spec.activityType()).isEqualTo("FetchTemplate");
    assertThat(spec.limits()).isEqualTo(StepLimits.defaults(StepClass.WORKSPACE));
    assertThat(template.version()).hasSize(12);
    assertThat(template.plan().location()).isEqualTo(dir.resolve("ok").toString());
  }

  @Test
  void versionChangesWhenAFileOfTheTemplateChanges() throws IOException {
    Path file = write("v", steps("fetch:plain", "hi"));
    String before = loader.load(file).template().version();
    Files.writeString(file.getParent().resolve("skeleton.txt"), "new file");
    assertThat(loader.load(file).template().version()).isNotEqualTo(before);
  }

  @Test
  void refusesAnUnknownActionNamingTemplateAndStep() throws IOException {
    TemplateLoader.Result result = loader.load(write("bad-action", steps("acme:do:magic", "x")));
    assertThat(result.template()).isNull();
    assertThat(result.refused().problems())
        .singleElement()
        .asString()
        .contains("template 'bad-action'", "step 'one'", "unknown action 'acme:do:magic'");
  }

  @Test
  void refusesAnExpressionThatDoesNotParseNamingTheStep() throws IOException {
    TemplateLoader.Result result =
        loader.load(write("bad-expr", steps("fetch:plain", "${{ bad }}")));
    assertThat(result.refused().problems())
        .singleElement()
        .asString()
        .contains("template 'bad-expr'", "step 'one'", "syntax error");
  }

  @Test
  void refusesWhatPavedDoesNotSupportNamingFileStepAndTheThing() throws IOException {
    Path file =
        write(
            "unsupported",
            """
              steps:
                - id: publish
                  action: publish:github
                  input:
                    repoUrl: ${{ parameters.repoUrl }}
                    collaborators: [{user: ann, access: push}]
                - id: docs
                  action: fetch:plain
                  input:
                    url: https://github.com/backstage/community/tree/main/sessions
              output:
                text:
                  - content: ${{ secrets.TOKEN }}
            """);

    RefusedTemplate refused = loader.load(file).refused();

    assertThat(refused.file()).isEqualTo(file.toString());
    assertThat(refused.problems())
        .anySatisfy(p -> assertThat(p).contains("step 'publish'", "input 'collaborators'"))
        .anySatisfy(p -> assertThat(p).contains("step 'docs'", "input 'url'", "https://github"))
        .anySatisfy(p -> assertThat(p).contains("output.text[0].content", "'secrets'"));
  }

  @Test
  void refusesWrongKindDuplicateIdsAndUnknownFailurePolicy() throws IOException {
    String yaml =
        """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: odd}
        spec:
          onFailure: explode
          steps:
            - {id: a, action: debug:log}
            - {id: a, action: debug:log}
        """;
    Path file = dir.resolve("odd/template.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml);
    assertThat(loader.load(file).refused().problems())
        .anySatisfy(p -> assertThat(p).contains("kind Template"))
        .anySatisfy(p -> assertThat(p).contains("step 'a'", "used twice"))
        .anySatisfy(p -> assertThat(p).contains("onFailure 'explode'"));
  }

  @Test
  void aTemplateThatSaysNothingPausesForAWeekOnAFailedStep() throws IOException {
    TemplatePlan plan =
        loader.load(write("quiet", steps("fetch:plain", "./skeleton"))).template().plan();

    assertThat(plan.onFailure()).isEqualTo(FailurePolicy.PAUSE);
    assertThat(plan.pauseTimeout()).isEqualTo("P7D");
  }

  @Test
  void readsTheFailurePolicyAndThePauseTimeout() throws IOException {
    String spec =
        "  onFailure: rollback\n  pauseTimeout: PT12H\n" + steps("fetch:plain", "./skeleton");
    TemplatePlan plan = loader.load(write("explicit", spec)).template().plan();

    assertThat(plan.onFailure()).isEqualTo(FailurePolicy.ROLLBACK);
    assertThat(plan.pauseTimeout()).isEqualTo("PT12H");
  }

  @Test
  void refusesAPauseTimeoutThatIsNoDuration() throws IOException {
    for (String timeout : List.of("7 days", "P1M", "PT0S", "-P1D")) {
      String spec = "  pauseTimeout: '" + timeout + "'\n" + steps("fetch:plain", "./skeleton");
      assertThat(loader.load(write("t", spec)).refused().problems())
          .as(timeout)
          .singleElement()
          .asString()
          .contains("spec.pauseTimeout '" + timeout + "'", "ISO-8601");
    }
  }

  @Test
  void keepsEachAndReadsIfAsBackstageDoes() throws IOException {
    String steps =
        """
          steps:
            - id: each
              action: debug:log
              each: ${{ parameters.names }}
              input: {message: '${{ each.value }}'}
            - id: literal
              action: debug:log
              each: [a, b]
              if: false
              input: {message: '${{ each.key }}'}
            - id: text
              action: debug:log
              if: 'false'
            - id: always
              action: debug:log
              if: true
            - id: broken
              action: debug:log
              each: ${{ bad }}
        """;
    TemplateLoader.Result refused = loader.load(write("each", steps));
    assertThat(refused.refused().problems())
        .singleElement()
        .asString()
        .contains("step 'broken'", "each: syntax error");

    TemplateLoader.Result result =
        loader.load(write("each-ok", steps.substring(0, steps.indexOf("    - id: broken"))));
    List<StepPlan> plan = result.template().plan().steps();
    assertThat(plan.get(0).each()).isEqualTo("${{ parameters.names }}");
    assertThat(plan.get(1).each()).isEqualTo(List.of("a", "b"));
    // the boolean false skips; the text 'false' is a non-empty string, which Backstage runs
    assertThat(plan.get(1).ifCondition()).isEqualTo("${{ false }}");
    assertThat(plan.get(2).ifCondition()).isEqualTo("false");
    assertThat(plan.get(3).ifCondition()).isNull();
  }

  @Test
  void refusesYamlThatDoesNotParse() throws IOException {
    Path file = dir.resolve("broken/template.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "spec: [unclosed");
    assertThat(loader.load(file).refused().problems())
        .singleElement()
        .asString()
        .contains("not a YAML document");
  }

  @Test
  void anApprovalStepWithoutApproversIsDecidedByTheTemplatesOwner() throws IOException {
    String approval =
        """
          owner: group:default/platform
          steps:
            - id: approve
              action: paved:approval
              input:
                message: Ship ${{ parameters.name }}?
        """;
    TemplateLoader.Result result = loader.load(write("owned", approval));

    assertThat(result.refused()).isNull();
    assertThat(result.template().plan().steps().get(0).input())
        .containsEntry("approvers", "group:default/platform");
    TemplateLoader.Result unowned =
        loader.load(write("unowned", approval.replace("owner: group:default/platform", "")));
    assertThat(unowned.refused().problems())
        .singleElement()
        .asString()
        .contains("step 'approve'", "input 'approvers' is required");
  }

  @Test
  void anApprovalStepsLiteralValuesAreCheckedAtLoad() throws IOException {
    TemplateLoader.Result result =
        loader.load(
            write(
                "approvals",
                """
                  steps:
                    - id: quorum
                      action: paved:approval
                      input:
                        approvers: [group:default/platform]
                        minApprovals: 0
                    - id: timeout
                      action: paved:approval
                      input:
                        approvers: platform
                        timeout: 3 days
                    - id: each
                      action: paved:approval
                      each: [a, b]
                      input:
                        approvers: ${{ parameters.name }}
                        minApprovals: ${{ parameters.name }}
                """));

    assertThat(result.refused().problems())
        .satisfiesExactly(
            p -> assertThat(p).contains("step 'quorum'", "'minApprovals' must be a whole number"),
            p -> assertThat(p).contains("step 'timeout'", "'timeout' must be an ISO-8601"),
            p -> assertThat(p).contains("step 'each'", "cannot repeat with 'each'"));
  }

  private static String steps(String action, String url) {
    return """
          steps:
            - id: one
              name: One
              action: %s
              if: ${{ parameters.go }}
              input:
                url: %s
        """
        .formatted(action, url);
  }

  private Path write(String name, String steps) throws IOException {
    Path file = dir.resolve(name).resolve("template.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: %s
        spec:
          parameters:
            - properties:
                name: {type: string}
        %s"""
            .formatted(name, steps));
    return file;
  }
}
