package dev.paved.api.browser;

/** The sign-in page. */
public final class SignInPage {

  private final Browser browser;

  public SignInPage(Browser browser) {
    this.browser = browser;
  }

  public static SignInPage open(Browser browser) {
    browser.go("/sign-in");
    return new SignInPage(browser);
  }

  /** Signs in and waits for the portal's top bar. */
  public GalleryPage signInAs(String user) {
    submit(user, user);
    browser.button("Sign out");
    return new GalleryPage(browser);
  }

  public SignInPage submit(String user, String password) {
    browser.field("User name").sendKeys(user);
    browser.field("Password").sendKeys(password);
    browser.button("Sign in").click();
    return this;
  }

  public String message() {
    return browser
        .await(org.openqa.selenium.By.cssSelector("[role=alert], [role=status]"))
        .getText();
  }
}
