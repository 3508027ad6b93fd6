package dev.paved.activities.actions.fetch.template.file;

import dev.paved.activities.actions.fetch.FetchAction;
import dev.paved.activities.fetch.FetchActivitiesImpl;

/**
 * {@code fetch:template:file}: renders one file next to the template to a file of the workspace.
 */
public final class FetchTemplateFileAction extends FetchAction {

  public FetchTemplateFileAction() {
    super(
        "fetch:template:file",
        "Renders one file next to the template to a file of the workspace.",
        "FetchTemplateFile",
        FetchActivitiesImpl::fetchTemplateFile);
  }
}
