package dev.paved.activities.fetch;

import dev.paved.activities.render.TemplateRenderer;
import dev.paved.activities.support.Inputs;
import dev.paved.activities.support.StepFailures;
import dev.paved.activities.support.Workspaces;
import dev.paved.workflows.actions.FetchActivities;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code fetch:template}, {@code fetch:plain} and their {@code :file} forms: fill the run's
 * workspace from files next to the template. As in Backstage, a file already in the workspace is
 * kept unless the step says {@code replace: true}.
 */
public final class FetchActivitiesImpl implements FetchActivities {

  private static final Logger LOG = LoggerFactory.getLogger(FetchActivitiesImpl.class);

  private final Workspaces workspaces;
  private final TemplateRenderer renderer;

  public FetchActivitiesImpl(Workspaces workspaces, TemplateRenderer renderer) {
    this.workspaces = workspaces;
    this.renderer = renderer;
  }

  /** Renders the skeleton's file names and contents with {@code values} into {@code targetPath}. */
  @Override
  public ActionResult fetchTemplate(ActionRequest request) {
    try (var run = renderer.forCurrentRun()) {
      return fetchTemplateInRun(request);
    }
  }

  private ActionResult fetchTemplateInRun(ActionRequest request) {
    String action = "fetch:template";
    Inputs inputs = Inputs.of(action, request.input());
    TemplatingRules rules =
        TemplatingRules.of(action, inputs, request.input().get("templateFileExtension"));
    Map<String, Object> context = Map.of("values", inputs.map("values"));
    Whitespace whitespace = Whitespace.of(inputs);
    Path skeleton =
        SkeletonFolder.resolve(action, request.templateLocation(), inputs.requiredString("url"));
    Path target = workspaces.resolve(request.runId(), inputs.string("targetPath", "."));
    boolean replace = inputs.bool("replace", false);
    int written = 0;
    for (String entry : SkeletonCopy.entries(action, skeleton)) {
      boolean renderContents = rules.rendersContents(entry);
      String path = rules.outputPath(entry);
      if (rules.rendersName(entry)) {
        path = whitespace.render(renderer, path, context, "file name '" + entry + "'");
      }
      if (SkeletonCopy.skipped(path)) {
        continue;
      }
      UnaryOperator<byte[]> transform =
          content -> render(entry, content, renderContents, context, whitespace);
      if (copy(request, skeleton.resolve(entry), target, path, replace, transform)) {
        written++;
      }
    }
    LOG.info(
        "run {} step {}: {} wrote {} entries", request.runId(), request.stepId(), action, written);
    return ActionResult.of(Map.of());
  }

  /** Copies the folder into {@code targetPath} as it is. */
  @Override
  public ActionResult fetchPlain(ActionRequest request) {
    String action = "fetch:plain";
    Inputs inputs = Inputs.of(action, request.input());
    Path skeleton =
        SkeletonFolder.resolve(action, request.templateLocation(), inputs.requiredString("url"));
    Path target = workspaces.resolve(request.runId(), inputs.string("targetPath", "."));
    boolean replace = inputs.bool("replace", false);
    for (String entry : SkeletonCopy.entries(action, skeleton)) {
      copy(request, skeleton.resolve(entry), target, entry, replace, content -> content);
    }
    return ActionResult.of(Map.of());
  }

  /** Renders one file with {@code values} to {@code targetPath}, a file path in the workspace. */
  @Override
  public ActionResult fetchTemplateFile(ActionRequest request) {
    try (var run = renderer.forCurrentRun()) {
      return fetchTemplateFileInRun(request);
    }
  }

  private ActionResult fetchTemplateFileInRun(ActionRequest request) {
    String action = "fetch:template:file";
    Inputs inputs = Inputs.of(action, request.input());
    String url = inputs.requiredString("url");
    Path file = SkeletonFolder.resolveFile(action, request.templateLocation(), url);
    Map<String, Object> context = Map.of("values", inputs.map("values"));
    Whitespace whitespace = Whitespace.of(inputs);
    copyFile(request, inputs, file, content -> render(url, content, true, context, whitespace));
    return ActionResult.of(Map.of());
  }

  /** Copies one file to {@code targetPath}, a file path in the workspace, as it is. */
  @Override
  public ActionResult fetchPlainFile(ActionRequest request) {
    String action = "fetch:plain:file";
    Inputs inputs = Inputs.of(action, request.input());
    Path file =
        SkeletonFolder.resolveFile(
            action, request.templateLocation(), inputs.requiredString("url"));
    copyFile(request, inputs, file, content -> content);
    return ActionResult.of(Map.of());
  }

  private void copyFile(
      ActionRequest request, Inputs inputs, Path file, UnaryOperator<byte[]> transform) {
    String targetPath = inputs.requiredString("targetPath");
    Path workspace = workspaces.forRun(request.runId());
    Path out = Workspaces.inside(workspace, targetPath);
    if (out.equals(workspace)) {
      throw StepFailures.invalidInput(
          request.action() + ": targetPath must name a file in the workspace");
    }
    String relative = workspace.relativize(out).toString();
    copy(request, file, workspace, relative, inputs.bool("replace", false), transform);
  }

  private byte[] render(
      String entry,
      byte[] content,
      boolean renderContents,
      Map<String, Object> context,
      Whitespace whitespace) {
    if (!renderContents || SkeletonCopy.binary(content)) {
      return content;
    }
    String text = new String(content, StandardCharsets.UTF_8);
    return whitespace
        .render(renderer, text, context, "file '" + entry + "'")
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The step's {@code trimBlocks} and {@code lstripBlocks}, as Backstage passes them to Nunjucks.
   */
  private record Whitespace(boolean trimBlocks, boolean lstripBlocks) {

    static Whitespace of(Inputs inputs) {
      return new Whitespace(inputs.bool("trimBlocks", false), inputs.bool("lstripBlocks", false));
    }

    String render(
        TemplateRenderer renderer, String template, Map<String, Object> context, String where) {
      return renderer.renderText(template, context, where, trimBlocks, lstripBlocks);
    }
  }

  private boolean copy(
      ActionRequest request,
      Path source,
      Path target,
      String path,
      boolean replace,
      UnaryOperator<byte[]> transform) {
    try {
      return SkeletonCopy.write(
          source, target, workspaces.forRun(request.runId()), path, replace, transform);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
