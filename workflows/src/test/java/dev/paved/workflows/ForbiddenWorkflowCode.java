package dev.paved.workflows;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

/** What workflow code must never do; the architecture test proves its rules catch each line. */
final class ForbiddenWorkflowCode {

  private ForbiddenWorkflowCode() {}

  static Object[] everything() throws InterruptedException {
    Thread.sleep(1);
    return new Object[] {
      System.currentTimeMillis(),
      Instant.now(),
      UUID.randomUUID(),
      new Random().nextInt(),
      new File("x"),
      Path.of("x"),
      URI.create("x")
    };
  }
}
