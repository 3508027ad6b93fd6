package dev.paved.activities.actions.fetch.template;

import dev.paved.activities.actions.fetch.FetchAction;
import dev.paved.activities.fetch.FetchActivitiesImpl;

/**
 * {@code fetch:template}: renders a skeleton folder next to the template into the workspace: file
 * names and contents.
 */
public final class FetchTemplateAction extends FetchAction {

  public FetchTemplateAction() {
    super(
        "fetch:template",
        "Renders a skeleton folder next to the template into the workspace: file names and contents.",
        "FetchTemplate",
        FetchActivitiesImpl::fetchTemplate);
  }
}
