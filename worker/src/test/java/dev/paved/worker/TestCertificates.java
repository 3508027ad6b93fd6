package dev.paved.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away CA with a server certificate for {@code temporal.test} and a client certificate,
 * made by the {@code openssl} command; keys are P-256, unencrypted PKCS#8 PEM.
 */
record TestCertificates(Path dir) {

  static final String SERVER_NAME = "temporal.test";

  Path ca() {
    return dir.resolve("ca.pem");
  }

  Path serverCert() {
    return dir.resolve("server.pem");
  }

  Path serverKey() {
    return dir.resolve("server.key");
  }

  Path clientCert() {
    return dir.resolve("client.pem");
  }

  Path clientKey() {
    return dir.resolve("client.key");
  }

  static boolean opensslAvailable() {
    try {
      return new ProcessBuilder("openssl", "version").start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static TestCertificates make(Path dir) throws IOException, InterruptedException {
    TestCertificates certs = new TestCertificates(dir);
    run(
        dir,
        "openssl",
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=paved-test-ca",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem");
    certs.sign("server", "/CN=" + SERVER_NAME, "subjectAltName=DNS:" + SERVER_NAME);
    certs.sign("client", "/CN=paved-worker", "extendedKeyUsage=clientAuth");
    return certs;
  }

  private void sign(String name, String subject, String extension)
      throws IOException, InterruptedException {
    Files.writeString(dir.resolve(name + ".ext"), extension + "\n");
    run(
        dir,
        "openssl",
        "req",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-subj",
        subject,
        "-keyout",
        name + ".key",
        "-out",
        name + ".csr");
    run(
        dir,
        "openssl",
        "x509",
        "-req",
        "-in",
        name + ".csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        name + ".ext",
        "-out",
        name + ".pem");
  }

  private static void run(Path dir, String... command) throws IOException, InterruptedException {
    Path log = dir.resolve("openssl.log");
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(
          String.join(" ", command) + " failed:\n" + Files.readString(log));
    }
  }
}
