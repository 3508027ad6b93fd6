package dev.paved.worker;

import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.temporal.serviceclient.SimpleSslContextBuilder;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS to a Temporal cluster ({@code PAVED_TEMPORAL_TLS_*}), mutual when a client certificate is
 * given. Settings that cannot work are refused at start with the setting's name, not at the first
 * call with a handshake error.
 */
final class TemporalTls {

  static final String CERT = "PAVED_TEMPORAL_TLS_CERT";
  static final String KEY = "PAVED_TEMPORAL_TLS_KEY";
  static final String CA = "PAVED_TEMPORAL_TLS_CA";
  static final String SERVER_NAME = "PAVED_TEMPORAL_TLS_SERVER_NAME";

  private TemporalTls() {}

  /** Adds the TLS settings, if any, to the connection to a cluster. */
  static void apply(TemporalProperties.Tls tls, WorkflowServiceStubsOptions.Builder options) {
    check(tls);
    if (!tls.enabled()) {
      return;
    }
    options.setSslContext(sslContext(tls));
    if (tls.serverName() != null) {
      options.setChannelInitializer(channel -> channel.overrideAuthority(tls.serverName()));
    }
  }

  /** Refuses settings that cannot work: half a client certificate, a lone server name. */
  static void check(TemporalProperties.Tls tls) {
    if (tls.cert() != null && tls.key() == null) {
      throw refused(CERT + " is set but " + KEY + " is not: mutual TLS needs both");
    }
    if (tls.key() != null && tls.cert() == null) {
      throw refused(KEY + " is set but " + CERT + " is not: mutual TLS needs both");
    }
    if (tls.serverName() != null && !tls.enabled()) {
      throw refused(
          SERVER_NAME
              + " is set but TLS is off: set "
              + CA
              + ", or "
              + CERT
              + " and "
              + KEY
              + " for mutual TLS");
    }
  }

  static SslContext sslContext(TemporalProperties.Tls tls) {
    byte[] cert = tls.mutual() ? read(CERT, tls.cert()) : null;
    byte[] key = tls.mutual() ? read(KEY, tls.key()) : null;
    TrustManager trust = tls.ca() != null ? trustManager(tls.ca()) : null;
    try {
      SimpleSslContextBuilder builder =
          tls.mutual()
              ? SimpleSslContextBuilder.forPKCS8(
                  new ByteArrayInputStream(cert), new ByteArrayInputStream(key))
              : SimpleSslContextBuilder.noKeyOrCertChain();
      if (trust != null) {
        builder.setTrustManager(trust);
      }
      return builder.build();
    } catch (IOException | IllegalArgumentException e) {
      throw refused(
          "cannot use the client certificate "
              + CERT
              + "="
              + tls.cert()
              + " with its key "
              + KEY
              + "="
              + tls.key()
              + " ("
              + e.getMessage()
              + "): both must be PEM, the key unencrypted PKCS#8 ('BEGIN PRIVATE KEY';"
              + " openssl pkcs8 -topk8 -nocrypt converts others)");
    }
  }

  /** Trusts exactly the CA certificates in the PEM file, not the JVM's trust store. */
  private static TrustManager trustManager(String caFile) {
    try {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(read(CA, caFile)));
      if (certificates.isEmpty()) {
        throw refused(CA + "=" + caFile + " holds no PEM certificate");
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int index = 0;
      for (Certificate certificate : certificates) {
        store.setCertificateEntry("ca-" + index++, certificate);
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return factory.getTrustManagers()[0];
    } catch (GeneralSecurityException | IOException e) {
      throw refused(CA + "=" + caFile + " is not a PEM CA certificate: " + e.getMessage());
    }
  }

  private static byte[] read(String setting, String file) {
    try {
      return Files.readAllBytes(Path.of(file));
    } catch (IOException | RuntimeException e) {
      throw refused(setting + ": cannot read '" + file + "' (" + e + ")");
    }
  }

  private static IllegalStateException refused(String message) {
    return new IllegalStateException("Temporal TLS: " + message);
  }
}
