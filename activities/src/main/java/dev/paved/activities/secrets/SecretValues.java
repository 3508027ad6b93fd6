package dev.paved.activities.secrets;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Secret values by key name. Its {@code toString} shows key names only, so a value never reaches a
 * log line or an exception message by accident.
 */
public final class SecretValues {

  private final Map<String, String> values;

  private SecretValues(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public static SecretValues of(Map<String, String> values) {
    return new SecretValues(values);
  }

  public Set<String> keys() {
    return values.keySet();
  }

  /** The value of {@code key}, or null; for the store's eyes only. */
  public String value(String key) {
    return values.get(key);
  }

  public Map<String, String> asMap() {
    return values;
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SecretValues that && values.equals(that.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "SecretValues" + values.keySet() + " (values hidden)";
  }
}
