package dev.paved.api.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A run's page: status, timeline, approvals and the buttons the user may use. */
public final class RunPage {

  private final Browser browser;

  public RunPage(Browser browser) {
    this.browser = browser;
  }

  public static RunPage open(Browser browser, String id) {
    browser.go("/runs/" + id);
    browser.region("Timeline");
    return new RunPage(browser);
  }

  public String id() {
    return browser.path().substring("/runs/".length());
  }

  /** Waits, without reloading, until the run's status reads {@code status}. */
  public RunPage awaitStatus(String status) {
    browser.awaitText(By.cssSelector("h1 .status"), status);
    return this;
  }

  public String timeline() {
    return browser.region("Timeline").getText();
  }

  public WebElement link(String name) {
    return browser.link(name);
  }

  public boolean mayApprove() {
    return !browser.buttons("Approve").isEmpty();
  }

  public RunPage approve(String comment) {
    browser.field("Comment").sendKeys(comment);
    browser.button("Approve").click();
    return this;
  }

  public String error() {
    return browser.await(By.cssSelector("[role=alert]")).getText();
  }

  /** Opens the retry form: the template's own pages, prefilled with the run's parameters. */
  public FormPage openRetry() {
    browser.button("Retry").click();
    browser.await(By.cssSelector("form.rjsf"));
    return new FormPage(browser);
  }

  /** Retries the failed step with one parameter corrected, through the template's form. */
  public RunPage retryWith(String parameter, String value) {
    FormPage form = openRetry();
    form.fill(parameter, value).review();
    return retry();
  }

  /** Retries from the retry form's Review. */
  public RunPage retry() {
    browser.button("Retry").click();
    return this;
  }
}
