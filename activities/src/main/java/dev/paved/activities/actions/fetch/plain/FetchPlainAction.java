package dev.paved.activities.actions.fetch.plain;

import dev.paved.activities.actions.fetch.FetchAction;
import dev.paved.activities.fetch.FetchActivitiesImpl;

/** {@code fetch:plain}: copies a folder next to the template into the workspace as it is. */
public final class FetchPlainAction extends FetchAction {

  public FetchPlainAction() {
    super(
        "fetch:plain",
        "Copies a folder next to the template into the workspace as it is.",
        "FetchPlain",
        FetchActivitiesImpl::fetchPlain);
  }
}
