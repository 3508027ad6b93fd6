package dev.paved.workflows.goldenpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DebugWaitTest {

  @Test
  void addsMinutesSecondsAndMillisecondsAsBackstageDoes() {
    assertThat(DebugWait.duration(Map.of("minutes", 1, "seconds", 2.5, "milliseconds", "250")))
        .isEqualTo(Duration.ofMillis(62_750));
    assertThat(DebugWait.duration(Map.of())).isEqualTo(Duration.ZERO);
    assertThat(DebugWait.duration(Map.of("minutes", 10))).isEqualTo(DebugWait.MAX);
  }

  @Test
  void refusesWhatIsNotAShortWait() {
    for (Map<String, Object> input :
        new Map[] {
          Map.of("minutes", 10, "milliseconds", 1),
          Map.of("seconds", -1),
          Map.of("seconds", "soon"),
          Map.of("hours", 1),
          Map.of("seconds", Double.NaN)
        }) {
      assertThatThrownBy(() -> DebugWait.duration(input))
          .as(input.toString())
          .isInstanceOfSatisfying(
              ApplicationFailure.class,
              f -> {
                assertThat(f.getType()).isEqualTo("InvalidInput");
                assertThat(f.isNonRetryable()).isTrue();
              });
    }
  }
}
