package dev.paved.activities.github;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.kohsuke.github.GHContent;
import org.kohsuke.github.GHRepository;

/** Files read through GitHub's contents API. */
public final class GithubContents {

  private GithubContents() {}

  /**
   * {@code GET /repos/{o}/{r}/contents/{path}?ref={branch}} (null: the default branch) as UTF-8
   * text; empty when there is no such file, branch or commit yet, or the path is a folder.
   */
  public static Optional<String> read(GHRepository repo, String path, String branch)
      throws IOException {
    GHContent content;
    try {
      content = repo.getFileContent(path, branch);
    } catch (IOException e) {
      if (GithubFailures.notFound(e) || GithubFailures.notAnObject(e)) {
        return Optional.empty(); // a folder answers with a JSON list
      }
      throw e;
    }
    if (!content.isFile()) {
      return Optional.empty();
    }
    // files over 1 MB come without their content; the blob API has it
    try (InputStream in =
        "base64".equals(content.getEncoding())
            ? content.read()
            : repo.getBlob(content.getSha()).read()) {
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
