package dev.paved.activities.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Commits, branches and file reads on a bare repository, without a working tree. */
public final class GitCommits {

  /** The commit trailer that says which service a commit was made for. */
  public static final String SERVICE_TRAILER = "Paved-Service";

  private GitCommits() {}

  /** The commit a branch points at, or empty when the branch does not exist. */
  public static Optional<ObjectId> head(Repository repository, String branch) throws IOException {
    Ref ref = repository.exactRef(Constants.R_HEADS + branch);
    return Optional.ofNullable(ref == null ? null : ref.getObjectId());
  }

  /** The tree of a commit. */
  public static ObjectId treeOf(Repository repository, ObjectId commit) throws IOException {
    try (RevWalk walk = new RevWalk(repository)) {
      return walk.parseCommit(commit).getTree().getId();
    }
  }

  /** A tree holding one file at its root. */
  public static ObjectId singleFileTree(Repository repository, String name, String content)
      throws IOException {
    try (ObjectInserter inserter = repository.newObjectInserter()) {
      TreeFormatter tree = new TreeFormatter();
      ObjectId blob = inserter.insert(Constants.OBJ_BLOB, content.getBytes(StandardCharsets.UTF_8));
      tree.append(name, FileMode.REGULAR_FILE, blob);
      ObjectId id = inserter.insert(tree);
      inserter.flush();
      return id;
    }
  }

  /** Writes a commit of {@code tree} on {@code parent} (null for a first commit). */
  public static ObjectId commit(
      Repository repository, ObjectId tree, ObjectId parent, PersonIdent author, String message)
      throws IOException {
    CommitBuilder commit = new CommitBuilder();
    commit.setTreeId(tree);
    if (parent != null) {
      commit.setParentId(parent);
    }
    commit.setAuthor(author);
    commit.setCommitter(author);
    commit.setMessage(message);
    try (ObjectInserter inserter = repository.newObjectInserter()) {
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      return id;
    }
  }

  /**
   * Moves a branch from {@code expected} (null: the branch must not exist) to {@code target}.
   * Returns false when the branch was not at {@code expected}: someone else moved it first.
   */
  public static boolean moveBranch(
      Repository repository, String branch, ObjectId expected, ObjectId target) throws IOException {
    RefUpdate update = repository.updateRef(Constants.R_HEADS + branch);
    update.setExpectedOldObjectId(expected == null ? ObjectId.zeroId() : expected);
    update.setNewObjectId(target);
    update.setForceUpdate(true);
    update.setRefLogMessage("paved", false);
    RefUpdate.Result result = update.update();
    return switch (result) {
      case NEW, FAST_FORWARD, FORCED, NO_CHANGE -> true;
      case LOCK_FAILURE, REJECTED, REJECTED_CURRENT_BRANCH -> false;
      default -> throw new IOException("cannot move branch " + branch + ": " + result);
    };
  }

  /** Deletes a branch if it exists. */
  public static void deleteBranch(Repository repository, String branch) throws IOException {
    if (head(repository, branch).isEmpty()) {
      return;
    }
    RefUpdate update = repository.updateRef(Constants.R_HEADS + branch);
    update.setForceUpdate(true);
    RefUpdate.Result result = update.delete();
    if (result != RefUpdate.Result.FORCED && result != RefUpdate.Result.NO_CHANGE) {
      throw new IOException("cannot delete branch " + branch + ": " + result);
    }
  }

  /** The branch HEAD names, for example {@code main}; it may not exist yet. */
  public static String defaultBranch(Repository repository) throws IOException {
    return Repository.shortenRefName(repository.getFullBranch());
  }

  /** Points HEAD at {@code branch} when HEAD names a branch that does not exist. */
  public static void adoptHeadIfUnborn(Repository repository, String branch) throws IOException {
    Ref head = repository.exactRef(Constants.HEAD);
    if (head == null || head.getObjectId() == null) {
      repository.updateRef(Constants.HEAD).link(Constants.R_HEADS + branch);
    }
  }

  /**
   * The service named by the newest {@code Paved-Service} trailer among the commits of {@code
   * branch} that {@code base} does not have; empty when none names one.
   */
  public static Optional<String> serviceOfBranch(
      Repository repository, ObjectId branch, ObjectId base) throws IOException {
    try (RevWalk walk = new RevWalk(repository)) {
      walk.markStart(walk.parseCommit(branch));
      if (base != null) {
        walk.markUninteresting(walk.parseCommit(base));
      }
      for (RevCommit commit : walk) {
        List<String> services = commit.getFooterLines(SERVICE_TRAILER);
        if (!services.isEmpty()) {
          return Optional.of(services.get(services.size() - 1).strip());
        }
      }
    }
    return Optional.empty();
  }

  /** A file's text at a commit, or empty when there is no such file. */
  public static Optional<String> readFile(Repository repository, ObjectId commit, String path)
      throws IOException {
    String normalised = FolderTree.normalise(path);
    if (normalised.isEmpty()) {
      return Optional.empty();
    }
    try (TreeWalk walk = TreeWalk.forPath(repository, normalised, treeOf(repository, commit))) {
      if (walk == null || (walk.getRawMode(0) & FileMode.TYPE_MASK) != FileMode.TYPE_FILE) {
        return Optional.empty();
      }
      byte[] bytes = repository.open(walk.getObjectId(0), Constants.OBJ_BLOB).getBytes();
      return Optional.of(new String(bytes, StandardCharsets.UTF_8));
    }
  }
}
