package dev.paved.api.browser;

import org.openqa.selenium.By;

/** Create: the gallery of templates. */
public final class GalleryPage {

  private final Browser browser;

  public GalleryPage(Browser browser) {
    this.browser = browser;
  }

  public static GalleryPage open(Browser browser) {
    browser.go("/");
    return new GalleryPage(browser);
  }

  public GalleryPage search(String text) {
    browser.field("Search").sendKeys(text);
    return this;
  }

  /** Chooses a template and waits for its form. */
  public FormPage choose(String template) {
    browser.link("Choose " + template).click();
    browser.await(By.cssSelector("form.rjsf"));
    return new FormPage(browser);
  }
}
