package dev.paved.api.catalog;

import java.util.Optional;

/** Reads a location's file from one kind of source; knows nothing of entities or HTTP. */
interface EntityProvider {

  /** Whether this provider reads locations of this type and target. */
  boolean reads(String type, String target);

  /** The file's text; empty when it is gone (a 404 for a URL). */
  Optional<String> read(String target);

  /** A target named relative to {@code base} (a Location entity's {@code ./other.yaml}). */
  String resolve(String base, String relative);
}
