package dev.paved.api.catalog;

import java.util.Optional;

/** Reads a location's file from one kind of source; knows nothing of entities or HTTP. */
interface EntityProvider {

  /**
   * What a read found.
   *
   * @param text the file's text; empty when it is gone, or when {@code notModified}
   * @param version what names this state of the file at its source (a commit id, an ETag), or null
   *     when the source names none
   * @param notModified the source says the file is still at the version the caller last read, so it
   *     was not read again
   */
  record Read(Optional<String> text, String version, boolean notModified) {

    static Read of(Optional<String> text) {
      return new Read(text, null, false);
    }

    static Read unchanged(String version) {
      return new Read(Optional.empty(), version, true);
    }
  }

  /** Whether this provider reads locations of this type and target. */
  boolean reads(String type, String target);

  /**
   * The file, unless the source says it is still at {@code lastVersion} (null: read it anyway).
   * Sources without versions always read it, and answer no version.
   */
  Read read(String target, String lastVersion);

  /** The file's text; empty when it is gone (a 404 for a URL). */
  default Optional<String> read(String target) {
    return read(target, null).text();
  }

  /** A target named relative to {@code base} (a Location entity's {@code ./other.yaml}). */
  String resolve(String base, String relative);
}
