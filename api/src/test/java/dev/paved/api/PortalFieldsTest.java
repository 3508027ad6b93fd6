package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.api.browser.Browser;
import dev.paved.api.browser.FormPage;
import dev.paved.api.browser.SignInPage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/**
 * Backstage's custom fields in a real browser: each field's own validator runs on Next and shows
 * its message at the field; the values reach Review as Backstage writes them.
 */
class PortalFieldsTest extends EndToEndTest {

  @Test
  void entityNameTagsAndRepositoryAreCheckedAtTheirFieldsAndReachReview() {
    try (Browser alice = Browser.open("http://localhost:" + port)) {
      FormPage form = SignInPage.open(alice).signInAs("alice").choose("portal-fields");
      form.fill("Name", "-checkout").select("Owner", "team-payments");
      form.addTag("Tags", "Java").addTag("Tags", "spring-boot").next();
      form.awaitErrorAt("Name", "must start and end with a letter or digit");
      form.awaitErrorAt("Tags", "\"Java\" is not a tag");
      alice.screenshot("fields-errors");

      form.fill("Name", "checkout-fields");
      alice.button("Remove Java").click();
      form.addTag("Tags", "java").next();
      form.awaitPage("Repository");
      assertThat(alice.field("Host").getAttribute("value")).isEqualTo("github.com");
      form.select("Repository owner", "acme").fill("Repository name", "bad name");
      alice.button("Review").click();
      form.awaitErrorAt("Repository name", "repository may hold only letters");
      alice.screenshot("fields-repo-error");

      alice.field("Repository name").sendKeys(Keys.chord(Keys.CONTROL, "a"), "checkout-fields");
      form.review();
      assertThat(form.reviewed())
          .contains("Name", "checkout-fields")
          .contains("Tags", "spring-boot, java")
          .contains("Repository location", "github.com?owner=acme&repo=checkout-fields");
      alice.screenshot("fields-review");

      alice.width(360);
      alice.button("Back").click();
      form.awaitPage("Repository");
      alice.screenshot("fields-repo-360px");
    }
  }
}
