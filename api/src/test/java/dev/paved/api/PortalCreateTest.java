package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.api.browser.Browser;
import dev.paved.api.browser.FormPage;
import dev.paved.api.browser.GalleryPage;
import dev.paved.api.browser.Keyboard;
import dev.paved.api.browser.RunPage;
import dev.paved.api.browser.SignInPage;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** A person creates a service in the portal, in a real browser, and signs in and out. */
class PortalCreateTest extends EndToEndTest {

  private String base() {
    return "http://localhost:" + port;
  }

  @Test
  void aliceCreatesAServiceThroughTheFormAndWatchesItsTimelineComplete() {
    try (Browser alice = Browser.open(base())) {
      GalleryPage gallery = SignInPage.open(alice).signInAs("alice");
      alice.awaitText("Java service (Spring Boot)");
      assertThat(alice.title()).isEqualTo("Create · Paved");
      alice.screenshot("gallery");

      FormPage form = gallery.choose("java-service");
      form.fill("Name", "Portal_Checkout").next();
      form.awaitErrorAt("Name", "must match pattern");
      alice.screenshot("form-field-error");

      form.fill("Name", "portal-checkout").select("Owner", "team-payments").next();
      form.awaitPage("Deployment");
      alice.screenshot("form-deployment");
      form.review();
      assertThat(form.reviewed())
          .contains("Name", "portal-checkout", "Owner", "group:default/team-payments")
          .contains("Description", "A Java service made with Paved", "Lifecycle", "Experimental");
      alice.screenshot("form-review");
      form.preview();
      alice.awaitText("repository");
      alice.screenshot("form-preview");

      RunPage run = form.create();
      run.awaitStatus("COMPLETED");
      assertThat(run.timeline()).contains("Create the repository", "SUCCEEDED");
      assertThat(run.link("Repository").getAttribute("href")).contains("portal-checkout");
      alice.screenshot("run-completed");

      run.link("Open in catalog").click();
      alice.awaitText(By.tagName("h1"), "portal-checkout");
      assertThat(alice.body()).contains("team-payments");
      alice.screenshot("catalog-entity");
    }
  }

  @Test
  void aWrongPasswordIsRefusedAndASignedOutVisitorIsSentToSignIn() {
    try (Browser visitor = Browser.open(base())) {
      visitor.go("/runs");
      visitor.awaitText("Sign in to Paved");
      assertThat(visitor.path()).startsWith("/sign-in");
      assertThat(visitor.title()).isEqualTo("Sign in · Paved");

      SignInPage signIn = new SignInPage(visitor).submit("alice", "not-alice");
      assertThat(signIn.message()).contains("Wrong user name or password");
      visitor.screenshot("sign-in-refused");

      // a page asked for before signing in opens after it
      visitor.go("/runs");
      signIn.signInAs("alice");
      visitor.awaitText(By.tagName("h1"), "Runs");
      assertThat(visitor.path()).startsWith("/runs");
      visitor.screenshot("runs");

      visitor.button("Sign out").click();
      visitor.awaitText("You have signed out");
      visitor.go("/approvals");
      visitor.awaitText("Sign in to Paved");
      assertThat(visitor.path()).startsWith("/sign-in");
    }
  }

  @Test
  void aPersonGoesThroughCreateToReviewWithTheKeyboardAlone() {
    try (Browser bob = Browser.open(base())) {
      Keyboard keys = new Keyboard(bob);
      bob.go("/sign-in");
      keys.tabTo("User name").type("bob").tabTo("Password").type("bob", Keys.ENTER);
      bob.awaitText("Java service (Spring Boot)");

      keys.tabTo("Choose java-service").press(Keys.ENTER);
      FormPage form = new FormPage(bob);
      form.awaitPage("Service");
      keys.tabTo("Name").type("keyboard-service").tabTo("Owner");
      // the team's choices arrive from the API; typing picks one as on any select
      new org.openqa.selenium.support.ui.WebDriverWait(bob.driver(), Duration.ofSeconds(30))
          .until(d -> bob.field("Owner").isEnabled());
      keys.type("team-payments").tabTo("Next").press(Keys.ENTER);
      form.awaitPage("Deployment");
      keys.tabTo("Review").press(Keys.ENTER);
      bob.awaitText(By.cssSelector("[aria-label=Values]"), "keyboard-service");
      assertThat(form.reviewed())
          .contains("Name", "keyboard-service", "Owner", "group:default/team-payments");
      keys.tabTo("Create");
      bob.screenshot("keyboard-review");
    }
  }

  @Test
  void theGalleryIsReadableOnAPhone() {
    try (Browser phone = Browser.open(base())) {
      phone.width(360);
      SignInPage.open(phone).signInAs("carol");
      phone.awaitText("Java service (Spring Boot)");
      long overflow =
          (Long)
              ((org.openqa.selenium.JavascriptExecutor) phone.driver())
                  .executeScript(
                      "return document.documentElement.scrollWidth -"
                          + " document.documentElement.clientWidth;");
      assertThat(overflow).as("no sideways scrolling at 360 px").isLessThanOrEqualTo(0);
      phone.screenshot("gallery-360px");
    }
  }
}
