package dev.paved.api.catalog;

import java.util.Optional;

/** Where {@code catalog:register} reads an entity file: the repository a run published. */
@FunctionalInterface
public interface CatalogSource {

  /** The file at {@code path} of the repository at {@code repoContentsUrl}, if it exists. */
  Optional<String> read(String repoContentsUrl, String path);
}
