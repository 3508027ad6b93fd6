package dev.paved.activities.actions.fetch.plain.file;

import dev.paved.activities.actions.fetch.FetchAction;
import dev.paved.activities.fetch.FetchActivitiesImpl;

/** {@code fetch:plain:file}: copies one file next to the template into the workspace as it is. */
public final class FetchPlainFileAction extends FetchAction {

  public FetchPlainFileAction() {
    super(
        "fetch:plain:file",
        "Copies one file next to the template into the workspace as it is.",
        "FetchPlainFile",
        FetchActivitiesImpl::fetchPlainFile);
  }
}
