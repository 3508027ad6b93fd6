package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paved.api.browser.Browser;
import dev.paved.api.browser.SignInPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/** The runs list (mine, my team's, all; status and template) and the catalog's filters. */
class PortalListsTest extends EndToEndTest {

  private List<String> serviceKeys(Caller caller, String query) {
    Answer answer = caller.get("/api/v1/runs" + query);
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    List<String> keys = new ArrayList<>();
    answer.body().path("items").forEach(r -> keys.add(r.path("serviceKey").asText()));
    return keys;
  }

  @Test
  void runsAreNarrowedByWhoseStatusAndTemplateAndTheCatalogByItsFilters() throws Exception {
    JsonNode payments =
        as("alice").startRun("java-service", Map.of("name", "lists-pay", "owner", "team-payments"));
    JsonNode search =
        as("carol")
            .startRun("java-service", Map.of("name", "lists-search", "owner", "team-search"));
    assertThat(awaitEnd(payments.path("id").asText()).path("status").asText())
        .isEqualTo("COMPLETED");
    assertThat(awaitEnd(search.path("id").asText()).path("status").asText()).isEqualTo("COMPLETED");

    // the API's filters
    assertThat(serviceKeys(as("alice"), "?mine=true")).containsExactly("team-payments/lists-pay");
    assertThat(serviceKeys(as("bob"), "?mine=true")).isEmpty();
    assertThat(serviceKeys(as("bob"), "?team=team-payments"))
        .containsExactly("team-payments/lists-pay");
    assertThat(serviceKeys(as("bob"), "?team=group:default/team-search&team=team-payments"))
        .containsExactlyInAnyOrder("team-payments/lists-pay", "team-search/lists-search");
    assertThat(serviceKeys(as("bob"), "?template=java-service&status=COMPLETED"))
        .containsExactlyInAnyOrder("team-payments/lists-pay", "team-search/lists-search");
    assertThat(serviceKeys(as("bob"), "?template=pauses-on-register")).isEmpty();

    try (Browser bob = Browser.open("http://localhost:" + port)) {
      SignInPage.open(bob).signInAs("bob");
      bob.go("/runs");
      bob.awaitText("No runs match.");
      Select whose = new Select(bob.field("Show"));
      assertThat(whose.getOptions())
          .extracting(o -> o.getText())
          .containsExactly("Mine", "My team's");
      whose.selectByVisibleText("My team's");
      bob.awaitText(By.cssSelector("[aria-label=Runs]"), "team-payments/lists-pay");
      assertThat(bob.region("Runs").getText()).doesNotContain("lists-search");
      new Select(bob.field("Status")).selectByVisibleText("COMPLETED");
      bob.awaitText(By.cssSelector("[aria-label=Runs]"), "team-payments/lists-pay");
      bob.screenshot("runs-my-teams");
      new Select(bob.field("Template")).selectByVisibleText("pauses-on-register");
      bob.awaitText("No runs match.");

      bob.go("/catalog");
      bob.awaitText(By.cssSelector("[aria-label=Entities]"), "lists-search");
      bob.field("Search").sendKeys("lists-pay");
      bob.awaitText(By.cssSelector("[aria-label=Entities]"), "lists-pay");
      assertThat(bob.region("Entities").getText()).doesNotContain("lists-search");
      bob.field("Search").sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      new Select(bob.field("Lifecycle")).selectByVisibleText("experimental");
      bob.awaitText(By.cssSelector("[aria-label=Entities]"), "lists-search");
      bob.width(360);
      bob.screenshot("catalog-filters-360px");
      // only the tags the listed entities carry are offered
      assertThat(new Select(bob.field("Tag")).getOptions())
          .extracting(o -> o.getText())
          .startsWith("Any tag")
          .doesNotContain("no-such-tag");
    }
  }
}
