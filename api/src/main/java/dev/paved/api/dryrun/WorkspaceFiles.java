package dev.paved.api.dryrun;

import dev.paved.activities.support.FolderFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The files of a dry run's workspace, with their text when they are small UTF-8 text. */
final class WorkspaceFiles {

  /** A larger file is listed with its size only; the report stays a readable size. */
  static final int MAX_TEXT = 256 * 1024;

  private WorkspaceFiles() {}

  static List<DryRunReport.File> of(Path workspace) {
    List<DryRunReport.File> files = new ArrayList<>();
    for (String path : FolderFiles.list(workspace)) {
      try {
        byte[] bytes = Files.readAllBytes(workspace.resolve(path));
        files.add(new DryRunReport.File(path, bytes.length, text(bytes)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  static String text(byte[] bytes) {
    if (bytes.length > MAX_TEXT) {
      return null;
    }
    for (byte b : bytes) {
      if (b == 0) {
        return null;
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
