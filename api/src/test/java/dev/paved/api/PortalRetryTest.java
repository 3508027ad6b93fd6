package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.api.browser.Browser;
import dev.paved.api.browser.FormPage;
import dev.paved.api.browser.RunPage;
import dev.paved.api.browser.SignInPage;
import org.junit.jupiter.api.Test;

/**
 * A run whose step fails shows why on its timeline; a retry through the template's own form, with a
 * corrected value, completes it.
 */
class PortalRetryTest extends EndToEndTest {

  @Test
  void aFailedStepShowsItsErrorAndARetryWithACorrectedParameterCompletesTheRun() {
    try (Browser pat = Browser.open("http://localhost:" + port)) {
      FormPage form = SignInPage.open(pat).signInAs("pat").choose("pauses-on-register");
      form.fill("name", "portal-mended").fill("owner", "team-ops").review();
      RunPage run = form.create().awaitStatus("NEEDS_ATTENTION");
      assertThat(run.error()).contains("register", "no file 'catalog-info.yaml'");
      assertThat(run.timeline()).contains("FAILED");
      pat.screenshot("run-needs-attention");

      FormPage retry = run.openRetry();
      assertThat(pat.field("name").getAttribute("value")).isEqualTo("portal-mended");
      assertThat(pat.field("name").getAttribute("readonly")).isNotNull();
      assertThat(pat.field("owner").getAttribute("readonly")).isNotNull();
      retry.fill("catalogPath", "docs/entity.yaml");
      pat.button("Review").click();
      retry.awaitErrorAt("catalogPath", "must match pattern");
      pat.screenshot("run-retry-form");

      retry.fill("catalogPath", "/docs/entity.yaml").review();
      assertThat(retry.reviewed()).contains("catalogPath", "/docs/entity.yaml");
      run.retry().awaitStatus("COMPLETED");
      pat.screenshot("run-retried-completed");
    }
  }
}
