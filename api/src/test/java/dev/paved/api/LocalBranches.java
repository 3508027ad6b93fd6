package dev.paved.api;

import dev.paved.activities.git.LocalGitRepositories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Pushes files as one commit to any branch of a bare repository of local mode's git hosting (made
 * when absent), through a clone: a CI's report branch, the GitOps repository's main.
 */
final class LocalBranches {

  private LocalBranches() {}

  static RevCommit push(
      Path dataDir, String owner, String repo, String branch, Map<String, String> files)
      throws Exception {
    LocalGitRepositories git = new LocalGitRepositories(dataDir.resolve("git"));
    Path bare = git.path(owner, repo);
    if (!Files.isDirectory(bare)) {
      Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
    }
    Path clone = Files.createTempDirectory(dataDir, "push-");
    try (Git g =
        Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(clone.toFile()).call()) {
      Repository r = g.getRepository();
      boolean exists = r.resolve("refs/remotes/origin/" + branch) != null;
      if (exists) {
        g.checkout().setName(branch).setCreateBranch(true).setStartPoint("origin/" + branch).call();
      } else if (r.resolve("HEAD") != null) {
        g.checkout().setName(branch).setOrphan(true).call();
        g.rm().addFilepattern(".").setCached(false).call();
      } else {
        r.updateRef("HEAD").link("refs/heads/" + branch);
      }
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path target = clone.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.getValue());
      }
      g.add().addFilepattern(".").call();
      RevCommit commit =
          g.commit().setMessage("reports").setAuthor("ci", "ci@example.com").setSign(false).call();
      g.push().setRemote("origin").add(branch).call();
      return commit;
    }
  }
}
