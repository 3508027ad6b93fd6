package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An entity page's data over real HTTP, from a location in a real git repository. */
class CatalogOverviewTest extends EndToEndTest {

  private static final String FILE =
      """
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata:
        name: team-payments
        annotations: {pagerduty.com/service-id: PX1234}
      spec: {type: team, children: [], members: [dana]}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: ov-ledger
        title: Ledger
        annotations:
          backstage.io/source-location: url:https://github.com/acme/ov-ledger/tree/main/
          github.com/project-slug: acme/ov-ledger
          grafana/dashboard-selector: "tags @> 'ov-ledger'"
          backstage.io/techdocs-ref: dir:.
          paved.dev/gitops-pull-request: https://github.com/acme/gitops/pull/7
          opsgenie.com/team: payments
        links: [{url: 'https://status.acme.dev', title: Status}]
      spec:
        type: service
        lifecycle: production
        owner: team-payments
        system: ov-money
        providesApis: [ov-ledger-api]
        consumesApis: [ov-rates-api]
        dependsOn: ['resource:ov-ledger-db']
      ---
      apiVersion: backstage.io/v1alpha1
      kind: API
      metadata: {name: ov-ledger-api}
      spec: {type: openapi, lifecycle: production, owner: team-payments, definition: {$text: ./openapi/ledger.yaml}}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: System
      metadata: {name: ov-money}
      spec: {owner: team-payments, domain: ov-finance}
      """;

  @Test
  void anEntitysPageHasItsOwnerLinksGraphApisAndActivity() throws Exception {
    CatalogLocationFixture.register(
        platform(),
        dataDir,
        "ov",
        Map.of(
            "catalog-info.yaml",
            FILE,
            "openapi/ledger.yaml",
            "openapi: 3.0.0\ninfo: {title: Ledger}\n",
            "README.md",
            "# Ledger\n\nKeeps the books. <script>alert(1)</script>\n"));
    Answer asked =
        as("alice")
            .post(
                "/api/v1/access-requests",
                Map.of(
                    "service", "component:default/ov-ledger",
                    "environment", "production",
                    "role", "read",
                    "reason", "INC-7: the overview test",
                    "duration", "PT1H"));
    assertThat(asked.status()).as(asked.body().toString()).isEqualTo(202);

    Answer answer = get("/api/v1/catalog/entities/component/default/ov-ledger/overview");
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    JsonNode page = answer.body();
    assertThat(page.path("entity").path("metadata").path("uid").asText()).isNotBlank();

    JsonNode owner = page.path("owner");
    assertThat(owner.path("ref").asText()).isEqualTo("group:default/team-payments");
    // the catalog's dana and the sample users file's alice and bob
    assertThat(owner.path("members").toString()).isEqualTo("[\"alice\",\"bob\",\"dana\"]");
    assertThat(owner.path("onCall").toString())
        .contains("\"provider\":\"pagerduty\"", "PX1234", "\"provider\":\"opsgenie\"", "payments");

    Map<String, String> links = new HashMap<>();
    page.path("links").forEach(l -> links.put(l.path("type").asText(), l.path("url").asText()));
    assertThat(links)
        .containsEntry("repository", "https://github.com/acme/ov-ledger/tree/main/")
        .containsEntry("ci", "https://github.com/acme/ov-ledger/actions")
        .containsEntry("gitops", "https://github.com/acme/gitops/pull/7")
        .containsEntry("docs", "https://github.com/acme/ov-ledger/tree/main/")
        .containsEntry("link", "https://status.acme.dev")
        .containsKey("dashboard");

    JsonNode graph = page.path("graph");
    assertThat(graph.path("depth").asInt()).isEqualTo(1);
    assertThat(ids(graph.path("nodes")))
        .contains(
            "component:default/ov-ledger",
            "group:default/team-payments",
            "system:default/ov-money",
            "api:default/ov-ledger-api",
            "resource:default/ov-ledger-db")
        .doesNotContain("domain:default/ov-finance");
    assertThat(graph.path("edges").toString())
        .contains(
            "{\"source\":\"component:default/ov-ledger\",\"type\":\"dependsOn\","
                + "\"target\":\"resource:default/ov-ledger-db\"}",
            "{\"source\":\"group:default/team-payments\",\"type\":\"ownerOf\","
                + "\"target\":\"component:default/ov-ledger\"}");
    JsonNode db = node(graph, "resource:default/ov-ledger-db");
    assertThat(db.path("missing").asBoolean()).isTrue();

    JsonNode deeper =
        get("/api/v1/catalog/entities/component/default/ov-ledger/overview?depth=2")
            .body()
            .path("graph");
    assertThat(ids(deeper.path("nodes")))
        .contains("domain:default/ov-finance", "user:default/dana");

    JsonNode provided = page.path("apis").path("provided").get(0);
    assertThat(provided.path("ref").asText()).isEqualTo("api:default/ov-ledger-api");
    // $text read from beside the file, in the same repository and branch
    assertThat(provided.path("definition").asText())
        .isEqualTo("openapi: 3.0.0\ninfo: {title: Ledger}\n");
    // the README next to catalog-info.yaml, as Markdown (the portal renders it without raw HTML)
    assertThat(page.path("docs").path("kind").asText()).isEqualTo("readme");
    assertThat(page.path("docs").path("markdown").asText()).startsWith("# Ledger");
    JsonNode consumed = page.path("apis").path("consumed").get(0);
    assertThat(consumed.path("missing").asBoolean()).isTrue();

    assertThat(page.path("accessRequests").get(0).path("id").asText())
        .isEqualTo(asked.body().path("id").asText());
    assertThat(page.path("runs")).isEmpty();
    // the access requests' own visibility holds here too: carol (team-search) is not concerned
    JsonNode carols =
        as("carol").get("/api/v1/catalog/entities/component/default/ov-ledger/overview").body();
    assertThat(carols.path("entity").isObject()).isTrue();
    assertThat(carols.path("accessRequests")).isEmpty();

    assertThat(get("/api/v1/catalog/entities/component/default/nowhere/overview").status())
        .isEqualTo(404);
  }

  private static List<String> ids(JsonNode nodes) {
    List<String> ids = new ArrayList<>();
    nodes.forEach(n -> ids.add(n.path("id").asText()));
    return ids;
  }

  private static JsonNode node(JsonNode graph, String id) {
    for (JsonNode n : graph.path("nodes")) {
      if (id.equals(n.path("id").asText())) {
        return n;
      }
    }
    throw new AssertionError("no node " + id + " in " + graph);
  }
}
