package dev.paved.activities.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretStoreTest {

  private static final String PATH = "secret/team-payments/checkout/development";
  private static final String VALUE = "s3cr3t-value-that-must-not-leak";

  @TempDir Path dir;

  @Test
  void valuesAreEncryptedAtRestAndReadBack() throws Exception {
    LocalSecretStore store = new LocalSecretStore(dir);
    store.write(
        PATH, "team-payments/checkout", "r-1", SecretValues.of(Map.of("db-password", VALUE)));

    byte[] onDisk = Files.readAllBytes(store.secretFile(PATH));
    String asText = new String(onDisk, StandardCharsets.ISO_8859_1);
    assertThat(asText).doesNotContain(VALUE).doesNotContain("db-password").doesNotContain("team");
    assertThat(store.read(PATH).orElseThrow().value("db-password")).isEqualTo(VALUE);
    SecretMetadata metadata = store.readMetadata(PATH).orElseThrow();
    assertThat(metadata.serviceKey()).isEqualTo("team-payments/checkout");
    assertThat(metadata.keys()).containsExactly("db-password");
    assertThat(metadata.created()).isEqualTo(metadata.updated());
  }

  @Test
  void eachWriteUsesAFreshIv() throws Exception {
    LocalSecretStore store = new LocalSecretStore(dir);
    SecretValues values = SecretValues.of(Map.of("api-key", VALUE));
    store.write(PATH, "team-payments/checkout", "r-1", values);
    byte[] first = Files.readAllBytes(store.secretFile(PATH));
    store.write(PATH, "team-payments/checkout", "r-1", values);
    byte[] second = Files.readAllBytes(store.secretFile(PATH));

    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void writeAddsKeysAndKeepsExistingValues() {
    LocalSecretStore store = new LocalSecretStore(dir);
    store.write(PATH, "team-payments/checkout", "r-1", SecretValues.of(Map.of("a", "one")));
    store.write(
        PATH, "team-payments/checkout", "r-1", SecretValues.of(Map.of("a", "changed", "b", "two")));

    assertThat(store.read(PATH).orElseThrow().asMap()).isEqualTo(Map.of("a", "one", "b", "two"));
  }

  @Test
  void alteredFileIsDetected() throws Exception {
    LocalSecretStore store = new LocalSecretStore(dir);
    store.write(PATH, "team-payments/checkout", "r-1", SecretValues.of(Map.of("a", VALUE)));
    Path file = store.secretFile(PATH);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 20] ^= 0x01;
    Files.write(file, bytes);

    assertThatThrownBy(() -> store.readMetadata(PATH))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("integrity check")
        .hasMessageNotContaining(VALUE);
  }

  @Test
  void fileMovedToAnotherPathDoesNotOpen() throws Exception {
    LocalSecretStore store = new LocalSecretStore(dir);
    store.write(PATH, "team-payments/checkout", "r-1", SecretValues.of(Map.of("a", VALUE)));
    String other = "secret/team-payments/checkout/production";
    Files.createDirectories(store.secretFile(other).getParent());
    Files.copy(store.secretFile(PATH), store.secretFile(other));

    assertThatThrownBy(() -> store.read(other)).hasMessageContaining("integrity check");
  }

  @Test
  void anotherKeyCannotOpenTheFiles() throws Exception {
    new LocalSecretStore(dir)
        .write(PATH, "team-payments/checkout", "r-1", SecretValues.of(Map.of("a", "1")));
    Files.delete(dir.resolve("dev-only.key"));

    LocalSecretStore withNewKey = new LocalSecretStore(dir);
    assertThatThrownBy(() -> withNewKey.read(PATH)).hasMessageContaining("integrity check");
  }

  @Test
  void keyIsMadeOnceAndKeptOwnerOnlyBesideAReadme() throws Exception {
    new LocalSecretStore(dir);
    Path key = dir.resolve("dev-only.key");
    byte[] first = Files.readAllBytes(key);
    new LocalSecretStore(dir);

    assertThat(Files.readAllBytes(key)).hasSize(32).isEqualTo(first);
    assertThat(Files.readString(dir.resolve("README.txt"))).contains("DEVELOPMENT ONLY");
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      assertThat(Files.getPosixFilePermissions(key))
          .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }
  }

  @Test
  void secretsAndPoliciesAreDeleted() {
    LocalSecretStore store = new LocalSecretStore(dir);
    store.write(PATH, "team-payments/checkout", "r-1", SecretValues.of(Map.of("a", "1")));
    store.writePolicy("team-payments-checkout-development-read", "path \"x\" {}\n");

    assertThat(store.readPolicy("team-payments-checkout-development-read"))
        .contains("path \"x\" {}\n");
    store.delete(PATH);
    store.deletePolicy("team-payments-checkout-development-read");
    store.delete(PATH);

    assertThat(store.readMetadata(PATH)).isEmpty();
    assertThat(store.readPolicy("team-payments-checkout-development-read")).isEmpty();
  }

  @Test
  void unsafePathsAndPolicyNamesAreRefused() {
    LocalSecretStore store = new LocalSecretStore(dir);
    SecretValues values = SecretValues.of(Map.of("a", "1"));

    for (String path :
        new String[] {"../escape", "secret/../../x", "/etc/passwd", "a//b", "a/.b", ""}) {
      assertThatThrownBy(() -> store.write(path, "k", "r-1", values))
          .as(path)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> store.writePolicy("../x", ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.readPolicy("a/b")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void valuesNeverShowInToString() {
    SecretValues values = SecretValues.of(Map.of("db-password", VALUE));
    StoredSecret stored = new StoredSecret("k", "r-1", "t", "t", values.asMap());

    assertThat(values.toString()).contains("db-password").doesNotContain(VALUE);
    assertThat(stored.toString()).contains("db-password").doesNotContain(VALUE);
  }
}
