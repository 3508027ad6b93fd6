package dev.paved.api.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** What waits for the signed-in user's decision. */
public final class ApprovalsPage {

  private final Browser browser;

  public ApprovalsPage(Browser browser) {
    this.browser = browser;
  }

  public static ApprovalsPage open(Browser browser) {
    browser.go("/approvals");
    browser.heading();
    return new ApprovalsPage(browser);
  }

  /** The pending item whose summary mentions {@code text}, once the inbox shows it. */
  public WebElement item(String text) {
    return browser.await(
        By.xpath(
            "//ul[@aria-label='Waiting for you']/li[contains(normalize-space(.), "
                + Browser.literal(text)
                + ")]"));
  }

  public ApprovalsPage approve(String text, String comment) {
    WebElement item = item(text);
    item.findElement(By.tagName("textarea")).sendKeys(comment);
    item.findElement(By.xpath(".//button[normalize-space(.)='Approve']")).click();
    browser.await(
        By.xpath(
            "//*[contains(normalize-space(.), 'Nothing waits') or @aria-label='Waiting for you']"));
    return this;
  }

  /** The count of waiting items in the top bar, or "" when none. */
  public String count() {
    var counts = browser.driver().findElements(By.cssSelector("header .count"));
    return counts.isEmpty() ? "" : counts.get(0).getText();
  }
}
