package dev.paved.activities.secrets;

import java.time.Instant;
import java.util.Map;

/**
 * The decrypted content of one local secret file: its values and who made it when. Times are
 * ISO-8601 text so the file needs no Jackson time module.
 */
record StoredSecret(
    String serviceKey, String runId, String created, String updated, Map<String, String> values) {

  StoredSecret {
    values = Map.copyOf(values);
  }

  SecretMetadata metadata() {
    return new SecretMetadata(
        serviceKey, runId, values.keySet(), Instant.parse(created), Instant.parse(updated));
  }

  @Override
  public String toString() {
    return "StoredSecret[serviceKey="
        + serviceKey
        + ", runId="
        + runId
        + ", keys="
        + values.keySet()
        + "]";
  }
}
