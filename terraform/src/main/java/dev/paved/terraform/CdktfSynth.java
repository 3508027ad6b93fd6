package dev.paved.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Synthesizes a {@link ServiceStack} with Terraform CDK. Needs {@code node} on PATH; the jsii
 * runtime starts it on first use and keeps it for the JVM's life.
 */
public final class CdktfSynth implements InfrastructureSynth {

  private static final String STACK_FILE = "cdk.tf.json";
  // One jsii kernel serves the whole JVM and CDKTF's synth is not safe to run concurrently in it.
  private static final Object SYNTH_LOCK = new Object();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public SynthResult synth(ServiceStack spec, Path outputDir) {
    try {
      Path scratch = Files.createTempDirectory("paved-cdktf-");
      try {
        Path synthesized = synthInto(spec, scratch);
        Path target = publish(synthesized, outputDir);
        return new SynthResult(target, addresses(JSON.readTree(target.toFile())));
      } finally {
        deleteTree(scratch);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path synthInto(ServiceStack spec, Path scratch) {
    synchronized (SYNTH_LOCK) {
      App app = new App(AppConfig.builder().outdir(scratch.toString()).stackTraces(false).build());
      new ServiceInfraStack(app, spec);
      app.synth();
    }
    return scratch.resolve("stacks").resolve(spec.name()).resolve(STACK_FILE);
  }

  /** Copies the file next to its target, then renames it, so a reader never sees half a stack. */
  private static Path publish(Path synthesized, Path outputDir) throws IOException {
    Files.createDirectories(outputDir);
    Path target = outputDir.resolve(STACK_FILE);
    Path partial = Files.createTempFile(outputDir, "." + STACK_FILE, ".part");
    try {
      Files.copy(synthesized, partial, StandardCopyOption.REPLACE_EXISTING);
      Files.move(
          partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
    return target;
  }

  static List<String> addresses(JsonNode stack) {
    List<String> addresses = new ArrayList<>();
    stack
        .path("resource")
        .fields()
        .forEachRemaining(
            type ->
                type.getValue()
                    .fieldNames()
                    .forEachRemaining(name -> addresses.add(type.getKey() + "." + name)));
    stack
        .path("data")
        .fields()
        .forEachRemaining(
            type ->
                type.getValue()
                    .fieldNames()
                    .forEachRemaining(name -> addresses.add("data." + type.getKey() + "." + name)));
    return addresses;
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
