package dev.paved.api.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Production access: ask for it, and one request's page. */
public final class AccessPage {

  private final Browser browser;

  public AccessPage(Browser browser) {
    this.browser = browser;
  }

  public static AccessPage open(Browser browser) {
    browser.go("/access");
    browser.heading();
    return new AccessPage(browser);
  }

  /** Asks for access and waits for the request's page; answers its id. */
  public String request(String serviceRef, String role, String reason) {
    var service = browser.field("Service");
    new WebDriverWait(browser.driver(), Browser.PATIENCE)
        .until(
            d ->
                new Select(service)
                    .getOptions().stream()
                        .anyMatch(o -> serviceRef.equals(o.getAttribute("value"))));
    new Select(service).selectByValue(serviceRef);
    new Select(browser.field("Role")).selectByVisibleText(role);
    browser.field("Reason").sendKeys(reason);
    browser.button("Ask for access").click();
    new WebDriverWait(browser.driver(), Browser.PATIENCE)
        .until(d -> browser.path().matches("/access/.+"));
    browser.heading();
    return browser.path().substring("/access/".length());
  }

  public static AccessPage openRequest(Browser browser, String id) {
    browser.go("/access/" + id);
    browser.heading();
    return new AccessPage(browser);
  }

  public AccessPage awaitStatus(String status) {
    browser.awaitText(By.cssSelector("h1 .status"), status);
    return this;
  }

  public String details() {
    return browser.await(By.cssSelector("dl.review")).getText();
  }
}
