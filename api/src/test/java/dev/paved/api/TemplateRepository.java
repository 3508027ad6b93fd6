package dev.paved.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.transport.URIish;

/** A real git repository of templates for the end-to-end tests, and commits to it. */
final class TemplateRepository {

  private TemplateRepository() {}

  /** A bare repository under {@code root} whose {@code main} holds {@code templates/} = content. */
  static Path create(Path root, Path content) throws IOException {
    Path bare = root.resolve("golden-paths.git");
    try {
      Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
      Path work = root.resolve("golden-paths-work");
      try (Git git = Git.init().setInitialBranch("main").setDirectory(work.toFile()).call()) {
        git.remoteAdd().setName("origin").setUri(new URIish(bare.toUri().toString())).call();
      }
      try (Stream<Path> paths = Files.walk(content)) {
        for (Path source : paths.toList()) {
          Path target = work.resolve("templates").resolve(content.relativize(source).toString());
          if (Files.isDirectory(source)) {
            Files.createDirectories(target);
          } else {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      commit(bare, Map.of(), "templates");
      return bare;
    } catch (GitAPIException | URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes each file (path under the repository root) and pushes one commit to {@code main}. */
  static void commit(Path bare, Map<String, String> files, String message) {
    Path work = bare.resolveSibling("golden-paths-work");
    try (Git git = Git.open(work.toFile())) {
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path target = work.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.getValue());
      }
      git.add().addFilepattern(".").call();
      git.commit()
          .setMessage(message)
          .setAuthor("Platform team", "platform@example.com")
          .setSign(false)
          .call();
      git.push().setRemote("origin").add("main").call();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }
}
