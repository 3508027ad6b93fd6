package dev.paved.api.dryrun;

import java.util.List;
import java.util.Map;

/**
 * What a run of the template with these parameters would make, found without making anything.
 *
 * @param status {@code COMPLETED} when every step planned, {@code FAILED} when one refused its
 *     input (then {@code failedStep}, {@code error} and {@code errorType} say which and why)
 * @param steps every step: its rendered input and the output later steps would read
 * @param files every file the run's workspace would hold at the end, with its text
 * @param resources what the steps would make outside the workspace, each with a {@code kind}
 *     (repository, pull-request, kubernetes-manifests, dashboard, secret-path, infrastructure,
 *     catalog-entity, catalog-file) and the step that makes it; never a secret value
 * @param output the template's rendered {@code spec.output}
 */
public record DryRunReport(
    boolean dryRun,
    String template,
    String templateVersion,
    String serviceKey,
    Map<String, Object> parameters,
    String status,
    String failedStep,
    String error,
    String errorType,
    List<Step> steps,
    List<File> files,
    List<Map<String, Object>> resources,
    Map<String, Object> output) {

  /**
   * One step of the dry run.
   *
   * @param status {@code PLANNED}, {@code SKIPPED} (its {@code if} was falsy, or no item of its
   *     {@code each} runs), {@code FAILED}, or {@code PENDING} after a failed step
   * @param input the rendered input; for a step with {@code each}, the list of its items, each with
   *     its {@code key}, whether it {@code runs} and its {@code input}
   */
  public record Step(
      String id,
      String name,
      String action,
      String status,
      Object input,
      Map<String, Object> output,
      String error) {}

  /**
   * A file of the workspace.
   *
   * @param content the text, or null when the file is binary or larger than the report keeps
   */
  public record File(String path, long size, String content) {}
}
