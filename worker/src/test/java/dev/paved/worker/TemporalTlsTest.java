package dev.paved.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.paved.worker.TemporalProperties.Tls;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS to a Temporal cluster: half-given settings are refused by name, and the settings given reach
 * a server that requires a client certificate signed by its CA.
 */
class TemporalTlsTest {

  @TempDir static Path certsDir;
  @TempDir Path dir;
  private static TestCertificates certs;

  @BeforeAll
  static void makeCertificates() throws Exception {
    if (TestCertificates.opensslAvailable()) {
      certs = TestCertificates.make(certsDir);
    }
  }

  @Test
  void refusesACertificateWithoutItsKey() {
    assertThatThrownBy(() -> TemporalTls.check(new Tls("/etc/paved/client.pem", null, null, null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PAVED_TEMPORAL_TLS_CERT is set but PAVED_TEMPORAL_TLS_KEY is not");
  }

  @Test
  void refusesAKeyWithoutItsCertificate() {
    assertThatThrownBy(() -> TemporalTls.check(new Tls(null, "/etc/paved/client.key", null, "")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PAVED_TEMPORAL_TLS_KEY is set but PAVED_TEMPORAL_TLS_CERT is not");
  }

  @Test
  void refusesAServerNameWithoutTls() {
    assertThatThrownBy(() -> TemporalTls.check(new Tls(" ", "", null, "temporal.internal")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PAVED_TEMPORAL_TLS_SERVER_NAME is set but TLS is off");
  }

  @Test
  void emptySettingsMeanPlainGrpc() {
    Tls tls = new Tls("", " ", "", "");
    TemporalTls.check(tls);
    assertThat(tls.enabled()).isFalse();
  }

  @Test
  void namesTheSettingWhoseFileCannotBeRead() {
    String missing = dir.resolve("missing.pem").toString();
    assertThatThrownBy(() -> TemporalTls.sslContext(new Tls(null, null, missing, null)))
        .hasMessageContaining("PAVED_TEMPORAL_TLS_CA")
        .hasMessageContaining(missing);
  }

  @Test
  void refusesAKeyThatIsNotPemPkcs8() throws Exception {
    assumeOpenssl();
    Path key = Files.writeString(dir.resolve("bad.key"), "not a key\n");
    Tls tls = new Tls(certs.clientCert().toString(), key.toString(), null, null);
    assertThatThrownBy(() -> TemporalTls.sslContext(tls))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PAVED_TEMPORAL_TLS_KEY=" + key)
        .hasMessageContaining("PKCS#8");
  }

  @Test
  void mutualTlsReachesAServerThatRequiresAClientCertificate() throws Exception {
    assumeOpenssl();
    try (TlsTemporalServer server = TlsTemporalServer.start(certs)) {
      Tls mutual =
          new Tls(
              certs.clientCert().toString(),
              certs.clientKey().toString(),
              certs.ca().toString(),
              TestCertificates.SERVER_NAME);

      assertThat(systemInfo(server.target(), mutual).isInitialized()).isTrue();

      // without a client certificate the server refuses the handshake
      Tls noClientCert = new Tls(null, null, certs.ca().toString(), TestCertificates.SERVER_NAME);
      assertThatThrownBy(() -> systemInfo(server.target(), noClientCert))
          .isInstanceOf(StatusRuntimeException.class);
      // the server's certificate names temporal.test, not 127.0.0.1: the server name is used
      Tls noServerName =
          new Tls(
              certs.clientCert().toString(),
              certs.clientKey().toString(),
              certs.ca().toString(),
              null);
      assertThatThrownBy(() -> systemInfo(server.target(), noServerName))
          .isInstanceOf(StatusRuntimeException.class);
    }
  }

  private static GetSystemInfoResponse systemInfo(String target, Tls tls) {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            TemporalConfiguration.clusterOptions(
                new TemporalProperties(target, 7233, "default", tls, null, null)));
    try {
      return stubs
          .blockingStub()
          .withDeadlineAfter(20, TimeUnit.SECONDS)
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
    } finally {
      stubs.shutdownNow();
    }
  }

  private static void assumeOpenssl() {
    assumeTrue(certs != null, "openssl is not on PATH: the test certificates cannot be made");
  }
}
