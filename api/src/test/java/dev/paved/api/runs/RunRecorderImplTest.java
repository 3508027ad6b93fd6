package dev.paved.api.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.api.TestDatabases;
import dev.paved.workflows.goldenpath.RunProgress;
import dev.paved.workflows.goldenpath.RunStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Which ends of a run free its service name. */
class RunRecorderImplTest {

  @ParameterizedTest
  @EnumSource(RunStatus.class)
  void onlyARunThatUndidEverythingFreesItsName(RunStatus status) {
    RunStore store = new RunStore(JdbcClient.create(TestDatabases.h2Only().dataSource()));
    Instant now = Instant.parse("2026-11-28T10:00:00Z");
    assertThat(store.claim("checkout", "team-payments/checkout", "r-1", now)).isTrue();
    RunRecorderImpl recorder = new RunRecorderImpl(store, Clock.fixed(now, ZoneOffset.UTC));

    recorder.recordRun(
        new RunProgress("r-1", "java-service", status, List.of(), null, null, Map.of()));

    boolean freed = status == RunStatus.ROLLED_BACK || status == RunStatus.CANCELLED;
    assertThat(store.claimHolder("checkout").isEmpty()).isEqualTo(freed);
  }
}
