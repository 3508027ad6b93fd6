package dev.paved.activities.secrets;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Development-only secret store: each secret path is one AES-256-GCM encrypted JSON file under
 * {@code <folder>/kv}, each policy an HCL file under {@code <folder>/policies}, each Kubernetes
 * auth role a JSON file under {@code <folder>/roles}, and the key sits beside them in {@code
 * dev-only.key}. Anyone who can read the folder can read the secrets: use Vault in production.
 */
public final class LocalSecretStore implements SecretStore {

  private static final Logger log = LoggerFactory.getLogger(LocalSecretStore.class);
  private static final String SUFFIX = ".secret";
  private static final String README =
      """
      DEVELOPMENT ONLY: not for production secrets.

      Paved's local secret store. Each secret path is one AES-256-GCM encrypted JSON file under
      kv/, each read policy an HCL file under policies/. The key that opens them is dev-only.key,
      in this same folder: whoever can read this folder can read every secret in it.
      In production configure Paved with Vault instead.
      """;

  private final Path folder;
  private final SecretCipher cipher;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  /** A store under {@code folder} (made if absent), with its key generated on first use. */
  public LocalSecretStore(Path folder) {
    this(folder, Clock.systemUTC());
  }

  LocalSecretStore(Path folder, Clock clock) {
    this.folder = folder.toAbsolutePath().normalize();
    this.clock = clock;
    try {
      OwnerOnlyFiles.createDirectories(this.folder);
      Path readme = this.folder.resolve("README.txt");
      if (!Files.exists(readme)) {
        Files.writeString(readme, README, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.cipher = SecretCipher.fromKeyFile(this.folder.resolve("dev-only.key"), new SecureRandom());
    log.warn(
        "Secrets are kept in a DEVELOPMENT-ONLY local file store at {}, not for production: "
            + "configure Vault for real secrets",
        this.folder);
  }

  @Override
  public synchronized Optional<SecretMetadata> readMetadata(String path) {
    return load(path).map(StoredSecret::metadata);
  }

  /** The values at {@code path}, for local development (a service reading its own secrets). */
  public synchronized Optional<SecretValues> read(String path) {
    return load(path).map(stored -> SecretValues.of(stored.values()));
  }

  @Override
  public synchronized void write(
      String path, String serviceKey, String runId, SecretValues values) {
    String now = clock.instant().toString();
    StoredSecret stored =
        load(path).orElseGet(() -> new StoredSecret(serviceKey, runId, now, now, Map.of()));
    Map<String, String> merged = new LinkedHashMap<>(values.asMap());
    merged.putAll(stored.values()); // keys already there keep their values
    StoredSecret next =
        new StoredSecret(stored.serviceKey(), stored.runId(), stored.created(), now, merged);
    try {
      byte[] plain = json.writeValueAsBytes(next);
      OwnerOnlyFiles.write(secretFile(path), cipher.encrypt(path, plain));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void delete(String path) {
    deleteIfExists(secretFile(path));
  }

  @Override
  public synchronized Optional<String> readPolicy(String name) {
    try {
      return Optional.of(Files.readString(policyFile(name), StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void writePolicy(String name, String hcl) {
    try {
      OwnerOnlyFiles.write(policyFile(name), hcl.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void deletePolicy(String name) {
    deleteIfExists(policyFile(name));
  }

  @Override
  public synchronized Optional<KubernetesRole> readKubernetesRole(String name) {
    try {
      return Optional.of(json.readValue(Files.readAllBytes(roleFile(name)), KubernetesRole.class));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void writeKubernetesRole(KubernetesRole role) {
    try {
      OwnerOnlyFiles.write(roleFile(role.name()), json.writeValueAsBytes(role));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void deleteKubernetesRole(String name) {
    deleteIfExists(roleFile(name));
  }

  /** The file that holds {@code path}; package-private for the tests that inspect it. */
  Path secretFile(String path) {
    return folder.resolve("kv").resolve(SecretPaths.requirePath(path) + SUFFIX);
  }

  private Path policyFile(String name) {
    return folder.resolve("policies").resolve(SecretPaths.requirePolicyName(name) + ".hcl");
  }

  private Path roleFile(String name) {
    return folder.resolve("roles").resolve(SecretPaths.requirePolicyName(name) + ".json");
  }

  private Optional<StoredSecret> load(String path) {
    byte[] sealed;
    try {
      sealed = Files.readAllBytes(secretFile(path));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return Optional.of(json.readValue(cipher.decrypt(path, sealed), StoredSecret.class));
    } catch (IOException e) {
      // Never pass Jackson's message on: it may quote the decrypted text.
      throw new IllegalStateException("secret at " + path + " could not be read back");
    }
  }

  private static void deleteIfExists(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
