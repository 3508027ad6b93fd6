package dev.paved.api.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.workflows.steps.ActionSpec;
import dev.paved.workflows.steps.StepClass;
import dev.paved.workflows.steps.StepLimits;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class StepPropertiesTest {

  private static StepProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("paved.steps", StepProperties.class);
  }

  @Test
  void aConfiguredLimitReachesTheSpecFrozenIntoAPlanAndTheRestKeepTheirDefaults() {
    StepProperties steps =
        bind(
            Map.of(
                "paved.steps.external.max-attempts", "12",
                "paved.steps.external.start-to-close", "10m",
                "paved.steps.wait.heartbeat", "30s",
                "paved.steps.undo.heartbeat", "9s"));

    ActionSpec publish = steps.spec(ActionRegistry.find("publish:github").orElseThrow());
    assertThat(publish.activityType()).isEqualTo("PublishGithub");
    assertThat(publish.undoActivityType()).isEqualTo("UndoPublishGithub");
    // the worker heartbeats for a step that calls another system: 6 s unless set
    assertThat(publish.limits()).isEqualTo(new StepLimits("PT10M", "PT2S", 12, "PT6S"));
    assertThat(publish.undoLimits().heartbeatTimeout()).isEqualTo("PT9S");
    assertThat(publish.undoLimits().startToClose())
        .isEqualTo(StepLimits.undoDefaults().startToClose());
    assertThat(steps.spec(ActionRegistry.find("debug:wait").orElseThrow()).limits())
        .isEqualTo(new StepLimits("PT11M", "PT1S", 5, "PT30S"));
    assertThat(steps.spec(ActionRegistry.find("debug:log").orElseThrow()).limits())
        .isEqualTo(StepLimits.defaults(StepClass.WORKSPACE));
  }

  @Test
  void anActionWithoutUndoOrActivityCarriesNoUndoLimits() {
    ActionSpec approval =
        StepProperties.defaults().spec(ActionRegistry.find("paved:approval").orElseThrow());
    assertThat(approval.inWorkflow()).isTrue();
    assertThat(approval.undoLimits()).isNull();
  }
}
