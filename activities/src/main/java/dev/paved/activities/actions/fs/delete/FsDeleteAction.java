package dev.paved.activities.actions.fs.delete;

import dev.paved.activities.actions.fs.FsAction;
import dev.paved.activities.filesystem.FilesystemActivitiesImpl;

/**
 * {@code fs:delete}: deletes files of the workspace: paths or glob patterns (*.tmp, docs/**.md); a
 * path already gone is fine.
 */
public final class FsDeleteAction extends FsAction {

  public FsDeleteAction() {
    super(
        "fs:delete",
        "Deletes files of the workspace: paths or glob patterns (*.tmp, docs/**.md); a path already gone is fine.",
        "FsDelete",
        FilesystemActivitiesImpl::fsDelete);
  }
}
