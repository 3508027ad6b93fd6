package dev.paved.activities.fetch;

import dev.paved.activities.render.TemplateRenderer;
import dev.paved.activities.support.Inputs;
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

/** {@code fetch:template} and {@code fetch:plain}: fill the run's workspace from a skeleton. */
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
    String action = "fetch:template";
    Inputs inputs = Inputs.of(action, request.input());
    TemplatingRules rules =
        TemplatingRules.of(action, inputs, request.input().get("templateFileExtension"));
    Map<String, Object> context = Map.of("values", inputs.map("values"));
    Path skeleton =
        SkeletonFolder.resolve(action, request.templateLocation(), inputs.requiredString("url"));
    Path target = workspaces.resolve(request.runId(), inputs.string("targetPath", "."));
    int written = 0;
    for (String entry : SkeletonCopy.entries(action, skeleton)) {
      boolean renderContents = rules.rendersContents(entry);
      String path =
          renderer.renderText(rules.outputPath(entry), context, "file name '" + entry + "'");
      if (SkeletonCopy.skipped(path)) {
        continue;
      }
      copy(
          request,
          skeleton.resolve(entry),
          target,
          path,
          content -> render(entry, content, renderContents, context));
      written++;
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
    for (String entry : SkeletonCopy.entries(action, skeleton)) {
      copy(request, skeleton.resolve(entry), target, entry, content -> content);
    }
    return ActionResult.of(Map.of());
  }

  private byte[] render(
      String entry, byte[] content, boolean renderContents, Map<String, Object> context) {
    if (!renderContents || SkeletonCopy.binary(content)) {
      return content;
    }
    String text = new String(content, StandardCharsets.UTF_8);
    return renderer
        .renderText(text, context, "file '" + entry + "'")
        .getBytes(StandardCharsets.UTF_8);
  }

  private void copy(
      ActionRequest request,
      Path source,
      Path target,
      String path,
      UnaryOperator<byte[]> transform) {
    try {
      SkeletonCopy.write(source, target, workspaces.forRun(request.runId()), path, transform);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
