package dev.paved.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The embedded server uses internal classes of temporal-test-server: this test fails loudly when an
 * SDK upgrade moves them, and proves the server answers on loopback only.
 */
class EmbeddedTemporalServerTest {

  @Test
  void answersTemporalCallsOnLoopback() {
    try (EmbeddedTemporalServer server = EmbeddedTemporalServer.start(0)) {
      assertThat(server.port()).isPositive();
      WorkflowServiceStubs stubs =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget(server.target()).build());
      try {
        assertThat(
                stubs
                    .blockingStub()
                    .getSystemInfo(GetSystemInfoRequest.getDefaultInstance())
                    .isInitialized())
            .isTrue();
      } finally {
        stubs.shutdownNow();
      }
    }
  }

  @Test
  void refusesConnectionsOnOtherInterfaces() throws IOException {
    Optional<InetAddress> external = nonLoopbackAddress();
    assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address to try");
    try (EmbeddedTemporalServer server = EmbeddedTemporalServer.start(0)) {
      assertThatThrownBy(
              () -> {
                try (Socket socket = new Socket()) {
                  socket.connect(new InetSocketAddress(external.get(), server.port()), 2000);
                }
              })
          .isInstanceOf(IOException.class);
      try (Socket socket = new Socket()) {
        socket.connect(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 2000);
        assertThat(socket.isConnected()).isTrue();
      }
    }
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (address.getAddress().length == 4) {
          return Optional.of(address);
        }
      }
    }
    return Optional.empty();
  }
}
