package dev.paved.api.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fault suite's figures, added up over its tests and printed as one line at its end (and
 * written to {@code target/fault-suite-figures.txt}), for docs/reliability.md.
 */
final class FaultFigures {

  static final AtomicInteger FAULTS = new AtomicInteger();
  static final AtomicInteger RUNS = new AtomicInteger();
  static final AtomicInteger RESOURCES = new AtomicInteger();
  static final AtomicInteger STORES_LISTED = new AtomicInteger();
  static final AtomicInteger ORPHANS = new AtomicInteger();

  private FaultFigures() {}

  static String line() {
    return "Fault suite: "
        + FAULTS.get()
        + " faults injected, "
        + RUNS.get()
        + " runs completed or rolled back, "
        + RESOURCES.get()
        + " resources counted, "
        + STORES_LISTED.get()
        + " stores listed after rollbacks, "
        + ORPHANS.get()
        + " orphans found";
  }

  static void print() {
    String line = line();
    System.out.println(line);
    try {
      Path target = Files.createDirectories(Path.of("target"));
      Files.writeString(target.resolve("fault-suite-figures.txt"), line + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
