package dev.paved.activities.actions.fs.rename;

import dev.paved.activities.actions.fs.FsAction;
import dev.paved.activities.filesystem.FilesystemActivitiesImpl;

/**
 * {@code fs:rename}: moves files and folders inside the workspace; an existing destination is an
 * error unless overwrite is true.
 */
public final class FsRenameAction extends FsAction {

  public FsRenameAction() {
    super(
        "fs:rename",
        "Moves files and folders inside the workspace; an existing destination is an error unless overwrite is true.",
        "FsRename",
        FilesystemActivitiesImpl::fsRename);
  }
}
