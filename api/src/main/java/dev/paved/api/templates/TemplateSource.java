package dev.paved.api.templates;

import java.io.IOException;
import java.nio.file.Path;

/** Where templates are read from: a folder of {@code <name>/template.yaml}, local or in git. */
interface TemplateSource {

  /** The folder holding the templates as they are now; a git source fetches first. */
  Path current() throws IOException;

  /** How the source is named in logs and in refusals, as it was configured. */
  String describe();

  /** How a file of {@link #current()} is named in refusals (its place in the source). */
  String display(Path file);

  /** A folder of templates on this machine. */
  record Folder(Path folder) implements TemplateSource {

    public Folder {
      folder = folder.toAbsolutePath().normalize();
    }

    @Override
    public Path current() {
      return folder;
    }

    @Override
    public String describe() {
      return folder.toString();
    }

    @Override
    public String display(Path file) {
      return file.toString();
    }
  }
}
