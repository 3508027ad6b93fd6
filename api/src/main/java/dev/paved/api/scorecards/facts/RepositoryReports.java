package dev.paved.api.scorecards.facts;

import dev.paved.api.catalog.EntityFiles;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a report in an entity's repository: at the path its annotation names, else at the first of
 * the usual places that exists.
 */
final class RepositoryReports {

  /**
   * What the search found.
   *
   * @param file the report, or null
   * @param why when there is none: where it looked
   */
  record Found(EntityFiles.File file, String why) {}

  private RepositoryReports() {}

  static Found find(
      EntityFiles files,
      String entityRef,
      Map<String, Object> entity,
      String annotation,
      List<String> defaults) {
    Optional<String> named = EntityFields.annotation(entity, annotation);
    if (named.isPresent()) {
      ReportLocation at = ReportLocation.parse(named.get());
      try {
        return files
            .read(entityRef, at.branch(), at.path())
            .map(f -> new Found(f, null))
            .orElse(new Found(null, "no file at " + at + " (" + annotation + ")"));
      } catch (IllegalArgumentException e) {
        return new Found(null, annotation + " names no file: " + e.getMessage());
      }
    }
    for (String path : defaults) {
      Optional<EntityFiles.File> file = files.read(entityRef, null, path);
      if (file.isPresent()) {
        return new Found(file.get(), null);
      }
    }
    return new Found(
        null,
        "no report in the repository (" + String.join(", ", defaults) + "; or " + annotation + ")");
  }
}
