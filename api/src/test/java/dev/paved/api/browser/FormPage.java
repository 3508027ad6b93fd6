package dev.paved.api.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** A template's form: one page per parameters page, then Review and Create. */
public final class FormPage {

  private final Browser browser;

  public FormPage(Browser browser) {
    this.browser = browser;
  }

  /** Types into the field labelled {@code label}, replacing what it held. */
  public FormPage fill(String label, String value) {
    WebElement field = browser.field(label);
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    field.sendKeys(value);
    return this;
  }

  /**
   * Adds a tag to the tags field labelled {@code label}, as a person does: type it, press Enter.
   */
  public FormPage addTag(String label, String tag) {
    browser.field(label).sendKeys(tag, Keys.ENTER);
    return this;
  }

  /** Picks the option shown as {@code option} in the field labelled {@code label}. */
  public FormPage select(String label, String option) {
    WebElement field = browser.field(label);
    // a picker's options arrive from the API
    new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Browser.PATIENCE)
        .until(
            d -> new Select(field).getOptions().stream().anyMatch(o -> o.getText().equals(option)));
    new Select(field).selectByVisibleText(option);
    return this;
  }

  /** The messages shown at the field labelled {@code label}. */
  public String errorsAt(String label) {
    WebElement field = browser.field(label);
    String id = field.getAttribute("id");
    List<WebElement> errors =
        browser
            .driver()
            .findElements(
                By.xpath(
                    "//*[@id="
                        + Browser.literal(id)
                        + "]/ancestor::div[contains(@class,'form-group')][1]//*[contains(@class,'error-detail')]"));
    return errors.isEmpty() ? "" : errors.get(0).getText();
  }

  public void awaitErrorAt(String label, String text) {
    new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Browser.PATIENCE)
        .withMessage(() -> "no '" + text + "' at " + label + ": " + browser.body())
        .until(d -> errorsAt(label).contains(text));
  }

  public FormPage next() {
    browser.button("Next").click();
    return this;
  }

  public FormPage review() {
    browser.button("Review").click();
    browser.await(By.xpath("//h2[normalize-space(.)='Review']"));
    return this;
  }

  public String currentPage() {
    return browser.await(By.id("page-title")).getText();
  }

  public void awaitPage(String title) {
    browser.awaitText(By.cssSelector(".steps [aria-current=step]"), title);
  }

  /** What Review lists: each title with its value. */
  public String reviewed() {
    return browser.region("Values").getText();
  }

  public FormPage preview() {
    browser.button("Preview").click();
    browser.await(By.id("preview-title"));
    return this;
  }

  /** Creates the run and waits for its page. */
  public RunPage create() {
    browser.button("Create").click();
    new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Browser.PATIENCE)
        .until(d -> browser.path().startsWith("/runs/"));
    return new RunPage(browser);
  }
}
