package dev.paved.api.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's headless Chromium (Debian's {@code chromium} and {@code chromium-driver}; never a
 * download), with a fresh profile under target/. Finds elements as a person does: by their label,
 * their role and their name; waits on what the page shows.
 */
public final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target/screenshots");

  /** A bound on waiting for the page, not an assertion on speed. */
  static final Duration PATIENCE = Duration.ofSeconds(90);

  private final WebDriver driver;
  private final String baseUrl;
  private final WebDriverWait wait;

  private Browser(WebDriver driver, String baseUrl) {
    this.driver = driver;
    this.baseUrl = baseUrl;
    this.wait = new WebDriverWait(driver, PATIENCE);
  }

  /** Starts a browser for Paved at {@code baseUrl}; fails clearly without Chromium. */
  public static Browser open(String baseUrl) {
    for (Path needed : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(needed)) {
        throw new IllegalStateException(
            needed
                + " is missing: the portal's browser tests need Debian's chromium and"
                + " chromium-driver (apt-get install -y chromium chromium-driver; .ci/run does it)");
      }
    }
    try {
      Path profile = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--window-size=1280,900",
          "--user-data-dir=" + profile);
      ChromeDriverService service =
          new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
      return new Browser(new ChromeDriver(service, options), baseUrl);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Browser go(String path) {
    driver.get(baseUrl + path);
    return this;
  }

  public String path() {
    return driver.getCurrentUrl().substring(baseUrl.length());
  }

  public String title() {
    return driver.getTitle();
  }

  /** The form control whose label reads {@code label} (a required mark after it is ignored). */
  public WebElement field(String label) {
    WebElement labelElement =
        await(
            By.xpath(
                "//label[normalize-space(text())="
                    + literal(label)
                    + " or normalize-space(.)="
                    + literal(label)
                    + "]"));
    return driver.findElement(By.id(labelElement.getAttribute("for")));
  }

  public WebElement button(String name) {
    return await(
        By.xpath(
            "//button[normalize-space(.)="
                + literal(name)
                + " or @aria-label="
                + literal(name)
                + "]"));
  }

  public List<WebElement> buttons(String name) {
    return driver.findElements(By.xpath("//button[normalize-space(.)=" + literal(name) + "]"));
  }

  public WebElement link(String name) {
    return await(
        By.xpath(
            "//a[normalize-space(.)=" + literal(name) + " or @aria-label=" + literal(name) + "]"));
  }

  public WebElement heading() {
    return await(By.tagName("h1"));
  }

  /** The element in the page's named region (a list or section with this aria-label). */
  public WebElement region(String name) {
    return await(By.xpath("//*[@aria-label=" + literal(name) + "]"));
  }

  /** Waits until the page shows {@code text} somewhere. */
  public void awaitText(String text) {
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.xpath("//*[contains(normalize-space(.), " + literal(text) + ")]")));
  }

  /** Waits until the element found by {@code locator} shows {@code text}. */
  public void awaitText(By locator, String text) {
    wait.withMessage(() -> "expected '" + text + "' in " + locator + "; the page says: " + body())
        .until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
  }

  public WebElement await(By locator) {
    return wait.withMessage(() -> "no " + locator + " on " + path() + ": " + body())
        .until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  public String body() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** Saves what the page looks like under target/screenshots/{@code name}.png. */
  public void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Narrows the window, e.g. to 360 px like a phone. */
  public void width(int pixels) {
    driver.manage().window().setSize(new Dimension(pixels, 900));
  }

  public WebDriver driver() {
    return driver;
  }

  @Override
  public void close() {
    driver.quit();
  }

  /** An XPath string literal for any text. */
  static String literal(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }
}
