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
                "paved.steps.wait.heartbeat", "30s"));

    ActionSpec publish = steps.spec(ActionRegistry.find("publish:github").orElseThrow());
    assertThat(publish.activityType()).isEqualTo("PublishGithub");
    assertThat(publish.undoActivityType()).isEqualTo("UndoPublishGithub");
    assertThat(publish.limits()).isEqualTo(new StepLimits("PT10M", "PT2S", 12, null));
    assertThat(publish.undoLimits()).isEqualTo(StepLimits.undoDefaults());
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
