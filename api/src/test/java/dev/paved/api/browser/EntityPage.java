package dev.paved.api.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** A catalog entity's page: its relations graph (nodes by their accessible names) and lists. */
public final class EntityPage {

  private final Browser browser;

  private EntityPage(Browser browser) {
    this.browser = browser;
  }

  /** Opens {@code /catalog/{kind}/{namespace}/{name}} and waits for its heading. */
  public static EntityPage open(Browser browser, String kind, String namespace, String name) {
    browser.go("/catalog/" + kind + "/" + namespace + "/" + name);
    return on(browser);
  }

  /** The entity page the browser shows now. */
  public static EntityPage on(Browser browser) {
    browser.await(By.xpath("//h2[normalize-space(.)='Relations']"));
    return new EntityPage(browser);
  }

  /** The graph's node named {@code label} (e.g. "api ledger-api"), once the graph is drawn. */
  public WebElement node(String label) {
    return browser.await(
        By.xpath(
            "//figure[@aria-label='Graph of relations']//*[@aria-label="
                + Browser.literal(label)
                + "]"));
  }

  /** The graph's edge named "{source} {relation} {target}". */
  public WebElement edge(String label) {
    return browser.await(
        By.xpath(
            "//figure[@aria-label='Graph of relations']//*[@role='img' and @aria-label="
                + Browser.literal(label)
                + "]"));
  }

  /** Follows the graph's node to its entity's page. */
  public EntityPage followNode(String label) {
    node(label).click();
    browser.await(By.xpath("//h1[not(contains(., 'Loading'))]"));
    return on(browser);
  }

  /** Scrolls the graph into view (before a screenshot). */
  public EntityPage showGraph() {
    ((org.openqa.selenium.JavascriptExecutor) browser.driver())
        .executeScript(
            "arguments[0].scrollIntoView({block: 'center'})", browser.region("Graph of relations"));
    return this;
  }

  public EntityPage depth(String hops) {
    new Select(browser.field("Depth")).selectByVisibleText(hops);
    return this;
  }

  public String relations() {
    return browser.region("Relations of this entity").getText();
  }

  /** The API's rendered OpenAPI definition (swagger-ui), once it shows {@code path}. */
  public String openApi(String path) {
    By definition = By.xpath("//*[@aria-label='OpenAPI definition']");
    browser.awaitText(definition, path);
    return browser.await(definition).getText();
  }

  /** The entity's README or TechDocs index as rendered, once it shows {@code text}. */
  public WebElement documentation(String text) {
    By docs = By.xpath("//*[@aria-label='Documentation']");
    browser.awaitText(docs, text);
    return browser.await(docs);
  }
}
