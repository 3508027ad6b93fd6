package dev.paved.terraform;

import java.nio.file.Path;
import java.util.List;

/**
 * A synthesized stack.
 *
 * @param stackFile the written {@code cdk.tf.json}
 * @param resources the Terraform addresses it declares ({@code type.name}, data sources as {@code
 *     data.type.name}), in file order
 */
public record SynthResult(Path stackFile, List<String> resources) {

  public SynthResult {
    resources = List.copyOf(resources);
  }
}
