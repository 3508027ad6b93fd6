package dev.paved.cli;

import dev.paved.api.PavedApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real local-mode Paved in the test JVM, as {@code ./paved up} runs it (embedded Temporal on a
 * free port, worker, H2, local git), on folders of its own with the shipped templates.
 */
final class LocalPaved implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  private LocalPaved(ConfigurableApplicationContext context) {
    this.context = context;
  }

  static LocalPaved start(Path root) throws IOException {
    Path data = Files.createDirectories(root.resolve("data"));
    Path templates = Files.createDirectories(root.resolve("templates"));
    copyTree(Path.of("../templates"), templates);
    String[] args = {
      "--paved.data-dir=" + data,
      "--paved.templates-dir=" + templates,
      "--paved.templates-poll-interval=0",
      "--paved.temporal.port=0",
      "--server.port=0"
    };
    return new LocalPaved(new SpringApplicationBuilder(PavedApplication.class).run(args));
  }

  String url() {
    return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
  }

  @Override
  public void close() {
    context.close();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      paths.forEach(
          source -> {
            Path target = to.resolve(from.relativize(source).toString());
            try {
              if (Files.isDirectory(source)) {
                Files.createDirectories(target);
              } else {
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }
}
