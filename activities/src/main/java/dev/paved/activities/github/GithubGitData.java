package dev.paved.activities.github;

import dev.paved.activities.support.CommitFiles;
import dev.paved.activities.support.CommitFiles.CommitFile;
import dev.paved.activities.support.StepFailures;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.kohsuke.github.GHRef;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GHTreeBuilder;

/**
 * Commits on GitHub through its Git Data API (trees, blobs, commits, refs), without a clone. Text
 * files travel inside the tree request; only binary files go up as base64 blobs one by one, since
 * each blob counts against GitHub's limit on content-creating requests.
 */
public final class GithubGitData {

  /** Larger text files go up as blobs too, keeping the tree request small. */
  static final int INLINE_LIMIT = 512 * 1024;

  /** Where a repository's GitHub Actions workflows live. */
  private static final String WORKFLOWS = ".github/workflows/";

  private GithubGitData() {}

  /**
   * Writes the files of {@code folder} under {@code prefix} ("" for the root) over {@code baseTree}
   * (null for none) and returns the new tree's SHA. Symbolic links are stored as links, {@code
   * .git} folders skipped. InvalidInput when the folder holds no file; Unauthorized when GitHub
   * refuses a tree with a workflow file, as it does when the credential may not write workflows.
   */
  @SuppressWarnings("deprecation") // entry() is hub4j's only tree call that takes a file mode
  public static String writeTree(GHRepository repo, Path folder, String baseTree, String prefix)
      throws IOException {
    Map<String, CommitFile> files = CommitFiles.read(folder, prefix);
    if (files.isEmpty()) {
      throw StepFailures.invalidInput("no file to commit in " + folder.getFileName());
    }
    GHTreeBuilder tree = repo.createTree();
    if (baseTree != null) {
      tree.baseTree(baseTree);
    }
    for (Map.Entry<String, CommitFile> file : files.entrySet()) {
      byte[] bytes = file.getValue().content();
      Optional<String> text = bytes.length <= INLINE_LIMIT ? text(bytes) : Optional.empty();
      if (text.isPresent()) {
        tree.entry(file.getKey(), file.getValue().mode().octal(), "blob", null, text.get());
      } else {
        String blob = repo.createBlob().binaryContent(bytes).create().getSha();
        tree.entry(file.getKey(), file.getValue().mode().octal(), "blob", blob, null);
      }
    }
    try {
      return tree.create().getSha();
    } catch (IOException e) {
      Optional<String> workflow =
          files.keySet().stream().filter(p -> p.startsWith(WORKFLOWS)).findFirst();
      if (workflow.isEmpty() || !GithubFailures.notFound(e)) {
        throw e;
      }
      // GitHub's answer when the credential may not write workflows; a retry cannot help
      throw StepFailures.unauthorized(
          "GitHub refused (404) to write "
              + workflow.get()
              + " to "
              + repo.getFullName()
              + ": writing workflow files needs the `workflow` scope on a classic token, or the"
              + " Workflows (read and write) permission of a GitHub App or fine-grained token");
    }
  }

  /** A commit of {@code tree} on {@code parent} (null for a first commit); returns its SHA. */
  public static String commit(
      GHRepository repo,
      String tree,
      String parent,
      String message,
      String authorName,
      String authorEmail,
      Instant when)
      throws IOException {
    var commit =
        repo.createCommit()
            .message(message)
            .tree(tree)
            .author(authorName, authorEmail, Date.from(when))
            .committer(authorName, authorEmail, Date.from(when));
    if (parent != null) {
      commit.parent(parent);
    }
    return commit.create().getSHA1();
  }

  /** A branch; empty when the branch does not exist or the repository has no commit yet. */
  public static Optional<GHRef> branch(GHRepository repo, String branch) throws IOException {
    try {
      return Optional.of(repo.getRef("heads/" + branch));
    } catch (IOException e) {
      int status = GithubFailures.status(e);
      if (status == 404 || status == 409) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The bytes as text when they are UTF-8 without NUL bytes, which JSON carries unchanged. */
  static Optional<String> text(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
