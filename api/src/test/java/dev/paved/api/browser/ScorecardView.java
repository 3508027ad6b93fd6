package dev.paved.api.browser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The portal's scorecard views as a person reads them: a rule's mark on the entity page, the fleet
 * table's cells by their row and column headers, the level counts, and the trend's canvas.
 */
public final class ScorecardView {

  private final Browser browser;

  public ScorecardView(Browser browser) {
    this.browser = browser;
  }

  /** The entity page's rule item titled {@code rule} in the scorecard titled {@code scorecard}. */
  public WebElement rule(String scorecard, String rule) {
    return browser.await(
        By.xpath(
            "//ul[@aria-label="
                + Browser.literal("Rules of " + scorecard)
                + "]/li[.//strong[normalize-space(.)="
                + Browser.literal(rule)
                + "]]"));
  }

  /** The result a mark inside {@code element} shows: pass, fail, unknown or waived. */
  public static String mark(WebElement element) {
    return element.findElement(By.cssSelector(".mark")).getAttribute("data-result");
  }

  /** The level badge inside {@code element} ({@code none} for no level). */
  public static String level(WebElement element) {
    return element.findElement(By.cssSelector(".level")).getAttribute("data-level");
  }

  /**
   * The table's cells by row header then column header: each cell's mark or level when it has one,
   * else its text. The header row's first cell names the rows ("Check" or "Service").
   */
  public Map<String, Map<String, String>> table(String name) {
    WebElement table =
        browser.await(By.xpath("//table[@aria-label=" + Browser.literal(name) + "]"));
    List<String> columns =
        table.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText).toList();
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    for (WebElement tr : table.findElements(By.cssSelector("tbody tr"))) {
      String header = tr.findElement(By.tagName("th")).getText();
      List<WebElement> cells = tr.findElements(By.tagName("td"));
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < cells.size(); i++) {
        row.put(columns.get(i + 1), read(cells.get(i)));
      }
      rows.put(header, row);
    }
    return rows;
  }

  /** The first header of the table's header row ("Check" or "Service"). */
  public String rowsAre(String name) {
    return browser
        .await(By.xpath("//table[@aria-label=" + Browser.literal(name) + "]//thead//th[1]"))
        .getText();
  }

  private static String read(WebElement cell) {
    if (!cell.findElements(By.cssSelector(".mark")).isEmpty()) {
      return mark(cell);
    }
    if (!cell.findElements(By.cssSelector(".level")).isEmpty()) {
      return level(cell);
    }
    return cell.getText();
  }

  /** Level to count, as the "Levels" list shows them. */
  public Map<String, String> levelCounts() {
    Map<String, String> counts = new LinkedHashMap<>();
    for (WebElement li : browser.region("Levels").findElements(By.tagName("li"))) {
      counts.put(level(li), li.findElement(By.cssSelector(".count-of")).getText());
    }
    return counts;
  }

  /**
   * How many pixels of the trend's canvas have the colour {@code rgb} (within a small tolerance):
   * zero until the chart library has drawn that series.
   */
  public long chartPixels(int red, int green, int blue) {
    WebElement canvas = browser.await(By.cssSelector("section[aria-label=Trend] canvas"));
    Object count =
        ((JavascriptExecutor) browser.driver())
            .executeScript(
                "const c = arguments[0], d = c.getContext('2d').getImageData(0, 0, c.width,"
                    + " c.height).data; let n = 0;"
                    + " for (let i = 0; i < d.length; i += 4) {"
                    + "  if (Math.abs(d[i] - arguments[1]) < 8 && Math.abs(d[i + 1] - arguments[2]) < 8"
                    + "   && Math.abs(d[i + 2] - arguments[3]) < 8 && d[i + 3] > 200) n++; }"
                    + " return n;",
                canvas,
                red,
                green,
                blue);
    return ((Number) count).longValue();
  }

  /** The text a same-origin GET of {@code href} answers, fetched by the page with its session. */
  public String fetch(String href) {
    return (String)
        ((JavascriptExecutor) browser.driver())
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + " fetch(arguments[0], {credentials: 'same-origin'})"
                    + ".then(r => r.text()).then(done, e => done('failed: ' + e));",
                href);
  }
}
