package dev.paved.worker;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** A Temporal test service on 127.0.0.1 that speaks only TLS and requires a client certificate. */
final class TlsTemporalServer implements AutoCloseable {

  private final TestServicesStarter services;
  private final Server server;

  private TlsTemporalServer(TestServicesStarter services, Server server) {
    this.services = services;
    this.server = server;
  }

  static TlsTemporalServer start(TestCertificates certs) throws IOException {
    TestServicesStarter services = new TestServicesStarter(true, 0);
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .sslContext(
                GrpcSslContexts.forServer(certs.serverCert().toFile(), certs.serverKey().toFile())
                    .trustManager(certs.ca().toFile())
                    .clientAuth(ClientAuth.REQUIRE)
                    .build());
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
    return new TlsTemporalServer(services, builder.build().start());
  }

  String target() {
    return "127.0.0.1:" + server.getPort();
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow();
    server.awaitTermination(5, TimeUnit.SECONDS);
    services.close();
  }
}
