package dev.paved.api.browser;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/** A person at the keyboard alone: Tab to a control by its accessible name, type, press Enter. */
public final class Keyboard {

  /** More Tabs than any page of the portal has controls before its form's buttons. */
  static final int MAX_TABS = 80;

  private static final String FOCUSED_NAME =
      """
      const e = document.activeElement;
      if (!e || e === document.body) return '';
      const label = e.id ? document.querySelector('label[for="' + CSS.escape(e.id) + '"]') : null;
      const name = e.getAttribute('aria-label') || (label && label.textContent) || e.textContent || '';
      return name.replace(/\\*$/, '').trim();
      """;

  private final Browser browser;

  public Keyboard(Browser browser) {
    this.browser = browser;
  }

  /** The accessible name of what has the focus now. */
  public String focused() {
    return (String) ((JavascriptExecutor) browser.driver()).executeScript(FOCUSED_NAME);
  }

  /** Presses Tab until the control named {@code name} has the focus. */
  public Keyboard tabTo(String name) {
    for (int i = 0; i <= MAX_TABS; i++) {
      if (name.equals(focused())) {
        return this;
      }
      press(Keys.TAB);
    }
    throw new AssertionError("Tab never reached '" + name + "'; the page says: " + browser.body());
  }

  /** Types into whatever has the focus. */
  public Keyboard type(CharSequence... keys) {
    new Actions(browser.driver()).sendKeys(keys).perform();
    return this;
  }

  public Keyboard press(Keys key) {
    return type(key);
  }
}
