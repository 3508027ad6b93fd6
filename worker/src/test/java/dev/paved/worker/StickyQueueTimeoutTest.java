package dev.paved.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoResponse;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A worker that joins Paved's embedded server from another process gets a zero sticky-queue
 * timeout; the worker of the process hosting it, and workers on a cluster, keep Temporal's default.
 */
class StickyQueueTimeoutTest {

  @Test
  void temporalsDefaultWhenThisProcessHostsTheEmbeddedServer() {
    assertThat(StickyQueueTimeout.choose(properties(null, null), null)).isNull();
  }

  @Test
  void zeroWhenJoiningAnotherProcesssEmbeddedServer() {
    try (EmbeddedTemporalServer server = EmbeddedTemporalServer.start(0)) {
      Duration timeout =
          withStubs(
              server.target(),
              stubs -> StickyQueueTimeout.choose(properties(server.target(), null), stubs));
      assertThat(timeout).isEqualTo(Duration.ZERO);
    }
  }

  @Test
  void temporalsDefaultOnAClusterThatNamesItsVersion() throws IOException {
    Server cluster =
        NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .addService(new VersionedCluster())
            .build()
            .start();
    try {
      String target = "127.0.0.1:" + cluster.getPort();
      assertThat(
              withStubs(
                  target, stubs -> StickyQueueTimeout.choose(properties(target, null), stubs)))
          .isNull();
    } finally {
      cluster.shutdownNow();
    }
  }

  @Test
  void temporalsDefaultWhenTheServerDoesNotAnswer() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String target = "127.0.0.1:" + closedPort;
    assertThat(
            withStubs(target, stubs -> StickyQueueTimeout.choose(properties(target, null), stubs)))
        .isNull();
  }

  @Test
  void theConfiguredTimeoutWins() {
    Duration configured = Duration.ofSeconds(3);
    assertThat(StickyQueueTimeout.choose(properties("temporal:7233", configured), null))
        .isEqualTo(configured);
    assertThat(StickyQueueTimeout.choose(properties(null, configured), null)).isEqualTo(configured);
  }

  private static TemporalProperties properties(String target, Duration sticky) {
    return new TemporalProperties(target, 0, "default", null, sticky, null);
  }

  private static Duration withStubs(String target, Function<WorkflowServiceStubs, Duration> call) {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    try {
      return call.apply(stubs);
    } finally {
      stubs.shutdownNow();
    }
  }

  /** A Temporal cluster as GetSystemInfo shows it: with a server version. */
  private static final class VersionedCluster extends WorkflowServiceGrpc.WorkflowServiceImplBase {
    @Override
    public void getSystemInfo(
        GetSystemInfoRequest request, StreamObserver<GetSystemInfoResponse> answer) {
      answer.onNext(GetSystemInfoResponse.newBuilder().setServerVersion("1.29.1").build());
      answer.onCompleted();
    }
  }
}
