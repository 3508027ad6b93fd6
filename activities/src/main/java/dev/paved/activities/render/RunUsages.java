package dev.paved.activities.render;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The usage of the runs rendered lately, by run id, the oldest forgotten first: a run's renders
 * (its steps' inputs, its skeleton's files) come close together, so a bounded memory is enough.
 */
final class RunUsages {

  private static final int REMEMBERED = 10_000;

  private final Map<String, RunUsage> usages =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RunUsage> eldest) {
          return size() > REMEMBERED;
        }
      };

  /** The usage of {@code runId}, or a fresh one that no other render shares when there is none. */
  synchronized RunUsage of(String runId) {
    if (runId == null || runId.isBlank()) {
      return new RunUsage();
    }
    return usages.computeIfAbsent(runId, id -> new RunUsage());
  }
}
