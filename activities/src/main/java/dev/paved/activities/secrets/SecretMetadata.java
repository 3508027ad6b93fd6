package dev.paved.activities.secrets;

import java.time.Instant;
import java.util.Set;

/**
 * What a secret path holds, without its values.
 *
 * @param serviceKey the service the path was made for (its owner marker)
 * @param runId the run that made the path; only that run's undo deletes it
 * @param keys the key names stored there
 */
public record SecretMetadata(
    String serviceKey, String runId, Set<String> keys, Instant created, Instant updated) {

  public SecretMetadata {
    keys = Set.copyOf(keys);
  }
}
