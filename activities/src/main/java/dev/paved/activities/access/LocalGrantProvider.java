package dev.paved.activities.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paved.activities.support.StepFailures;
import dev.paved.workflows.access.GrantRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Local mode's grants: one JSON record per request under {@code <data>/access-grants}, saying who
 * holds which role where until when, and when it was revoked. No credential is issued; the record
 * is what a local tool (or a person) checks.
 */
public final class LocalGrantProvider implements GrantProvider {

  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path folder;
  private final Clock clock;

  public LocalGrantProvider(Path folder) {
    this(folder, Clock.systemUTC());
  }

  LocalGrantProvider(Path folder, Clock clock) {
    this.folder = folder.toAbsolutePath().normalize();
    this.clock = clock;
  }

  @Override
  public String name() {
    return "local";
  }

  @Override
  public String grant(GrantRequest request) {
    Path file = file(request.requestId());
    if (Files.exists(file)) {
      return ref(request); // made by an earlier attempt
    }
    Instant now = clock.instant();
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("requestId", request.requestId());
    record.put("user", request.user());
    record.put("service", request.service());
    record.put("environment", request.environment());
    record.put("role", request.role());
    record.put("grantedAt", now.toString());
    record.put("expiresAt", now.plus(request.ttl()).toString());
    record.put("revokedAt", null);
    write(file, record);
    return ref(request);
  }

  @Override
  public void revoke(GrantRequest request, String grantRef) {
    Path file = file(request.requestId());
    Optional<Map<String, Object>> record = read(file);
    if (record.isEmpty() || record.get().get("revokedAt") != null) {
      return;
    }
    Map<String, Object> revoked = new LinkedHashMap<>(record.get());
    revoked.put("revokedAt", clock.instant().toString());
    write(file, revoked);
  }

  /** The grant record of a request, if one was made. */
  public Optional<Map<String, Object>> find(String requestId) {
    return read(file(requestId));
  }

  private Path file(String requestId) {
    if (requestId == null || !REQUEST_ID.matcher(requestId).matches()) {
      throw StepFailures.invalidInput("not a request id: " + requestId);
    }
    return folder.resolve(requestId + ".json");
  }

  private static String ref(GrantRequest request) {
    return "local:" + request.requestId();
  }

  private static Optional<Map<String, Object>> read(Path file) {
    try {
      if (!Files.exists(file)) {
        return Optional.empty();
      }
      return Optional.of(
          JSON.readValue(
              file.toFile(),
              JSON.getTypeFactory()
                  .constructMapType(LinkedHashMap.class, String.class, Object.class)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whole file at once (temp file, then an atomic move): a crash leaves no half record. */
  private void write(Path file, Map<String, Object> record) {
    try {
      Files.createDirectories(folder);
      Path temp = Files.createTempFile(folder, ".grant", ".tmp");
      JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), record);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
