package dev.paved.activities.manifests;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.paved.activities.support.StepFailures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Writes manifests as YAML, all or none, adopting only files marked for the same service. */
final class ManifestFiles {

  static final YAMLMapper YAML =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .serializationInclusion(JsonInclude.Include.NON_EMPTY)
          .build();

  private ManifestFiles() {}

  /** Writes each object to its file in {@code dir}; Conflict before writing anything foreign. */
  static void write(Path dir, Map<String, Object> objects, String serviceKey) {
    Map<Path, String> contents = new LinkedHashMap<>();
    objects.forEach((file, object) -> contents.put(dir.resolve(file), yaml(object)));
    contents.forEach((file, yaml) -> refuseForeign(file, yaml, serviceKey));
    try {
      Files.createDirectories(dir);
      for (Map.Entry<Path, String> entry : contents.entrySet()) {
        writeAtomically(entry.getKey(), entry.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String yaml(Object object) {
    try {
      return YAML.writeValueAsString(object);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write manifest as YAML", e);
    }
  }

  private static void refuseForeign(Path file, String yaml, String serviceKey) {
    if (!Files.exists(file)) {
      return;
    }
    Object mark = null;
    try {
      String existing = Files.readString(file, StandardCharsets.UTF_8);
      if (existing.equals(yaml)) {
        return;
      }
      Map<?, ?> parsed = YAML.readValue(existing, Map.class);
      Map<?, ?> metadata = parsed.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
      Map<?, ?> annotations = metadata.get("annotations") instanceof Map<?, ?> a ? a : Map.of();
      mark = annotations.get(ManifestSpec.SERVICE_KEY_ANNOTATION);
    } catch (IOException | RuntimeException e) {
      // Unreadable or not a mapping: not Paved's, so treated as foreign below.
    }
    if (!Objects.equals(mark, serviceKey)) {
      throw StepFailures.conflict(
          ManifestInputs.ACTION
              + ": "
              + file.getFileName()
              + " already exists in the target folder and was not made for "
              + serviceKey);
    }
  }

  private static void writeAtomically(Path file, String content) throws IOException {
    Path partial = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".part");
    try {
      Files.writeString(partial, content, StandardCharsets.UTF_8);
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }
}
