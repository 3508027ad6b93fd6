package dev.paved.terraform;

import java.nio.file.Path;

/** Turns a service's stack into Terraform JSON; the one seam between Paved and its IaC engine. */
public interface InfrastructureSynth {

  /** Writes the stack as {@code cdk.tf.json} into {@code outputDir} (made if absent). */
  SynthResult synth(ServiceStack spec, Path outputDir);
}
