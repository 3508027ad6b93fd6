package dev.paved.worker;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Local mode's Temporal service: the in-memory test server of temporal-test-server, running in real
 * time and bound to the loopback interface only (its own {@code createPortBoundServer} binds every
 * interface). Uses two internal classes of temporal-test-server; {@code EmbeddedTemporalServerTest}
 * fails loudly if an SDK upgrade moves them.
 */
public final class EmbeddedTemporalServer implements AutoCloseable {

  private final TestServicesStarter services;
  private final Server server;

  private EmbeddedTemporalServer(TestServicesStarter services, Server server) {
    this.services = services;
    this.server = server;
  }

  /** Starts the server on 127.0.0.1 at {@code port} (0 picks a free port). */
  public static EmbeddedTemporalServer start(int port) {
    TestServicesStarter services = new TestServicesStarter(true, 0);
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
    try {
      return new EmbeddedTemporalServer(services, builder.build().start());
    } catch (IOException e) {
      services.close();
      throw new UncheckedIOException(
          "cannot start the embedded Temporal server on 127.0.0.1:" + port, e);
    }
  }

  public int port() {
    return server.getPort();
  }

  /** The address a Temporal client or worker connects to. */
  public String target() {
    return "127.0.0.1:" + port();
  }

  @Override
  public void close() {
    server.shutdown();
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
    services.close();
  }
}
