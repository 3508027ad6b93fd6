package dev.paved.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class WorkerTuningTest {

  @Test
  void theWorkerGetsThePollersAndSlotsConfigured() {
    WorkerOptions options = new WorkerTuning(3, 4, 5, 6, 7).options(Duration.ofSeconds(2));

    assertThat(options.getMaxConcurrentWorkflowTaskPollers()).isEqualTo(3);
    assertThat(options.getMaxConcurrentActivityTaskPollers()).isEqualTo(4);
    assertThat(options.getMaxConcurrentWorkflowTaskExecutionSize()).isEqualTo(5);
    assertThat(options.getMaxConcurrentActivityExecutionSize()).isEqualTo(6);
    assertThat(options.getMaxConcurrentLocalActivityExecutionSize()).isEqualTo(7);
    assertThat(options.getStickyQueueScheduleToStartTimeout()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void withoutAStickyTimeoutTemporalsDefaultStays() {
    // unset: the worker applies Temporal's default when it starts
    assertThat(WorkerTuning.defaults().options(null).getStickyQueueScheduleToStartTimeout())
        .isNull();
  }

  @Test
  void bindsFromTheEnvironmentsNamesWithTheStatedDefaults() {
    Binder binder =
        new Binder(
            new MapConfigurationPropertySource(
                java.util.Map.of("paved.workers.activity-slots", "120")));

    WorkerTuning tuning = binder.bindOrCreate("paved.workers", WorkerTuning.class);

    assertThat(tuning.activitySlots()).isEqualTo(120);
    assertThat(tuning).isEqualTo(new WorkerTuning(2, 2, 50, 120, 50));
    assertThat(WorkerTuning.defaults()).isEqualTo(new WorkerTuning(2, 2, 50, 50, 50));
  }

  @Test
  void refusesWhatTemporalWouldNotRun() {
    assertThatThrownBy(() -> new WorkerTuning(1, 2, 50, 50, 50))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("workflow-pollers must be 2 or more");
    assertThatThrownBy(() -> new WorkerTuning(2, 2, 50, 0, 50))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be 1 or more");
  }
}
