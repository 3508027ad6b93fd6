package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.api.browser.Browser;
import dev.paved.api.browser.EntityPage;
import dev.paved.api.browser.SignInPage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The entity page draws the entity's relations as a graph (nodes by their accessible names, to a
 * chosen depth, each linking to its entity) and an API's page renders its OpenAPI definition.
 */
class PortalCatalogGraphTest extends EndToEndTest {

  private static final String FILE =
      """
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata: {name: team-payments}
      spec: {type: team, children: []}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: gr-ledger, title: Ledger}
      spec:
        type: service
        lifecycle: production
        owner: team-payments
        system: gr-money
        providesApis: [gr-ledger-api]
        consumesApis: [gr-rates-grpc]
        dependsOn: ['resource:gr-ledger-db']
      ---
      apiVersion: backstage.io/v1alpha1
      kind: API
      metadata: {name: gr-ledger-api, description: The ledger's entries}
      spec:
        type: openapi
        lifecycle: production
        owner: team-payments
        definition: |
          openapi: 3.0.3
          info: {title: Ledger API, version: 1.0.0}
          paths:
            /entries:
              get:
                summary: List the ledger's entries
                responses: {'200': {description: the entries}}
              post:
                summary: Record an entry
                responses: {'201': {description: recorded}}
            /entries/{id}:
              get:
                summary: Read one entry
                parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                responses: {'200': {description: the entry}}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: API
      metadata: {name: gr-rates-grpc}
      spec:
        type: grpc
        lifecycle: production
        owner: team-payments
        definition: |
          service Rates { rpc Quote (QuoteRequest) returns (QuoteReply); }
      ---
      apiVersion: backstage.io/v1alpha1
      kind: System
      metadata: {name: gr-money}
      spec: {owner: team-payments, domain: gr-finance}
      """;

  @Test
  void theEntityPageDrawsItsRelationsAndTheApiPageItsOperations() throws Exception {
    CatalogLocationFixture.register(
        platform(),
        dataDir,
        "gr",
        Map.of(
            "catalog-info.yaml",
            FILE,
            "README.md",
            "# Ledger\n\nKeeps **the books**.\n\n<img src=x onerror=\"document.title='pwned'\">\n"
                + "<script>document.title='pwned'</script>\n"));

    try (Browser bob = Browser.open("http://localhost:" + port)) {
      SignInPage.open(bob).signInAs("bob");
      EntityPage ledger = EntityPage.open(bob, "component", "default", "gr-ledger");
      ledger.node("component Ledger (this entity)");
      // the README as Markdown: headings and emphasis rendered, its raw HTML dropped, not run
      WebElement readme = ledger.documentation("Keeps the books.");
      assertThat(readme.findElement(By.tagName("h1")).getText()).isEqualTo("Ledger");
      assertThat(readme.findElement(By.tagName("strong")).getText()).isEqualTo("the books");
      assertThat(readme.findElements(By.tagName("img"))).isEmpty();
      assertThat(readme.findElements(By.tagName("script"))).isEmpty();
      assertThat(bob.title()).doesNotContain("pwned");
      ledger.node("group team-payments");
      ledger.node("system gr-money");
      ledger.node("api gr-ledger-api");
      ledger.node("api gr-rates-grpc");
      ledger.node("resource gr-ledger-db (not in the catalog)");
      // a relation and its inverse are one edge, named by the relation read forward
      ledger.edge("component Ledger (this entity) providesApi api gr-ledger-api");
      ledger.edge("group team-payments ownerOf component Ledger (this entity)");
      ledger.edge(
          "component Ledger (this entity) dependsOn resource gr-ledger-db (not in the catalog)");
      // the lists stay below the graph, for keyboards and screen readers
      assertThat(ledger.relations()).contains("dependsOn resource:default/gr-ledger-db");
      ledger.showGraph();
      bob.screenshot("entity-graph");

      ledger.depth("2 hops");
      ledger.node("domain gr-finance (not in the catalog)");
      assertThat(bob.path()).endsWith("/catalog/component/default/gr-ledger?depth=2");
      ledger.showGraph();
      bob.screenshot("entity-graph-depth-2");

      EntityPage system = ledger.followNode("system gr-money");
      assertThat(bob.path()).isEqualTo("/catalog/system/default/gr-money");
      system.node("system gr-money (this entity)");
      system.node("component Ledger");

      EntityPage api = system.followNode("component Ledger").followNode("api gr-ledger-api");
      assertThat(bob.path()).isEqualTo("/catalog/api/default/gr-ledger-api");
      assertThat(api.openApi("/entries"))
          .contains("/entries", "List the ledger's entries", "Record an entry", "/entries/{id}");
      bob.screenshot("api-openapi");

      bob.go("/catalog/api/default/gr-rates-grpc");
      bob.awaitText(By.cssSelector("[aria-label='grpc definition']"), "service Rates");
    }
  }
}
