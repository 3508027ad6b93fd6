package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paved.api.catalog.CatalogGitRepos;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Backstage's catalog API at /api/catalog, over real HTTP, on locations in real git repositories.
 */
class CatalogApiTest extends EndToEndTest {

  @Autowired WorkflowClient workflows;

  private static final String FILE =
      """
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: cat-orders, title: Orders, tags: [java]}
      spec: {type: service, lifecycle: production, owner: team-payments, providesApis: [cat-orders-api]}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: cat-web}
      spec: {type: website, lifecycle: experimental, owner: team-payments}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: cat-search}
      spec: {type: service, lifecycle: production, owner: team-search}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: API
      metadata: {name: cat-orders-api}
      spec: {type: openapi, lifecycle: production, owner: team-payments, definition: 'openapi: 3.0.0'}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: 'not valid'}
      spec: {type: service}
      """;

  @Test
  void backstagesCatalogApi() throws Exception {
    CatalogGitRepos repos = new CatalogGitRepos(dataDir);
    repos.commit("cat-api", "services", Map.of("catalog-info.yaml", FILE));
    String target = repos.url("cat-api", "services", "catalog-info.yaml");

    Answer dry =
        platform()
            .post("/api/catalog/locations?dryRun=true", Map.of("type", "url", "target", target));
    assertThat(dry.status()).as(dry.body().toString()).isEqualTo(201);
    assertThat(dry.body().path("exists").asBoolean()).isFalse();
    assertThat(dry.body().path("entities")).hasSize(4);
    assertThat(get("/api/catalog/entities/by-name/component/default/cat-orders").status())
        .isEqualTo(404);

    Answer added =
        platform().post("/api/catalog/locations", Map.of("type", "url", "target", target));
    assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
    assertThat(added.body().path("errors").toString()).contains("not valid");
    String locationId = added.body().path("location").path("id").asText();
    // from now on the location's own workflow keeps it current
    WorkflowStub processing = workflows.newUntypedWorkflowStub("catalog-location:" + locationId);
    assertThat(processing.describe().getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    Answer again =
        platform().post("/api/catalog/locations", Map.of("type", "url", "target", target));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().path("error").path("name").asText()).isEqualTo("ConflictError");

    JsonNode orders = get("/api/catalog/entities/by-name/Component/default/cat-orders").body();
    assertThat(orders.path("metadata").path("uid").asText()).isNotBlank();
    assertThat(orders.path("relations").toString())
        .contains("\"ownedBy\"", "group:default/team-payments", "providesApi");
    assertThat(
            get("/api/catalog/entities/by-uid/" + orders.path("metadata").path("uid").asText())
                .body()
                .path("metadata")
                .path("name")
                .asText())
        .isEqualTo("cat-orders");
    JsonNode missing = get("/api/catalog/entities/by-name/component/default/nowhere").body();
    assertThat(missing.path("error").path("name").asText()).isEqualTo("NotFoundError");
    assertThat(missing.path("response").path("statusCode").asInt()).isEqualTo(404);

    JsonNode owned =
        get("/api/catalog/entities/by-query?filter=kind=component,relations.ownedBy=group:default/team-payments&filter=metadata.name=cat-search&orderField=metadata.name,asc&fields=metadata.name")
            .body();
    assertThat(names(owned)).containsExactly("cat-orders", "cat-search", "cat-web");
    assertThat(owned.path("totalItems").asInt()).isEqualTo(3);
    assertThat(owned.path("items").get(0).has("spec")).isFalse();

    List<String> paged = new ArrayList<>();
    String next =
        "/api/catalog/entities/by-query?filter=kind=component,spec.lifecycle&filter=kind=api&limit=2&orderField=metadata.name,desc";
    while (next != null) {
      JsonNode page = get(next).body();
      paged.addAll(names(page));
      String cursor = page.path("pageInfo").path("nextCursor").asText(null);
      next = cursor == null ? null : "/api/catalog/entities/by-query?cursor=" + cursor;
    }
    assertThat(paged).containsSubsequence("cat-web", "cat-search", "cat-orders-api", "cat-orders");

    JsonNode text =
        get("/api/catalog/entities/by-query?fullTextFilterTerm=ORD&fullTextFilterFields=metadata.name")
            .body();
    assertThat(names(text)).containsExactlyInAnyOrder("cat-orders", "cat-orders-api");

    JsonNode facets =
        get("/api/catalog/entity-facets?facet=spec.lifecycle&filter=kind=component,metadata.name=cat-orders,metadata.name=cat-web")
            .body();
    assertThat(facets.path("facets").path("spec.lifecycle").toString())
        .contains(
            "{\"value\":\"experimental\",\"count\":1}", "{\"value\":\"production\",\"count\":1}");

    JsonNode refs =
        platform()
            .post(
                "/api/catalog/entities/by-refs",
                Map.of("entityRefs", List.of("component:cat-web", "api:default/none")))
            .body();
    assertThat(refs.path("items").get(0).path("metadata").path("name").asText())
        .isEqualTo("cat-web");
    assertThat(refs.path("items").get(1).isNull()).isTrue();

    assertThat(
            get("/api/catalog/locations/by-entity/component/default/cat-web")
                .body()
                .path("id")
                .asText())
        .isEqualTo(locationId);
    assertThat(get("/api/catalog/entities/by-query?filter=").status()).isEqualTo(200);
    assertThat(get("/api/catalog/entities/by-query?cursor=nope!").status()).isEqualTo(400);

    // the file changes; a refresh shows it at once, and the entity gone is an orphan
    repos.commit("cat-api", "services", Map.of("catalog-info.yaml", FILE.split("---")[0]));
    assertThat(
            platform()
                .post("/api/catalog/refresh", Map.of("entityRef", "component:default/cat-orders"))
                .status())
        .isEqualTo(200);
    assertThat(
            get("/api/catalog/entities/by-name/component/default/cat-web")
                .body()
                .path("metadata")
                .path("annotations")
                .path("backstage.io/orphan")
                .asText())
        .isEqualTo("true");

    Answer invalid =
        platform()
            .post(
                "/api/catalog/validate-entity",
                Map.of("location", "url:x", "entity", Map.of("kind", "Component")));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(anonymous().get("/api/catalog/entities/by-query").status()).isEqualTo(401);

    JsonNode own = get("/api/v1/catalog/entities?lifecycle=production&tag=java").body();
    assertThat(names(own)).containsExactly("cat-orders");

    assertThat(send("DELETE", "/api/catalog/locations/" + locationId, "").status()).isEqualTo(204);
    assertThat(get("/api/catalog/locations/" + locationId).status()).isEqualTo(404);
    // told the location is gone, its workflow reads once more and ends
    processing.getResult(30, TimeUnit.SECONDS, Void.class);
  }

  @Test
  void analyzeLocationAnswersInBackstagesShapeWithoutStoring() throws Exception {
    CatalogGitRepos repos = new CatalogGitRepos(dataDir);
    // its own entities: the other test's location holds the cat-* ones
    repos.commit("cat-analyze", "shop", Map.of("catalog-info.yaml", FILE.replace("cat-", "an-")));
    String target = repos.url("cat-analyze", "shop", "catalog-info.yaml");
    Map<String, Object> request = Map.of("location", Map.of("type", "url", "target", target));

    Answer analyzed = platform().post("/api/catalog/analyze-location", request);
    assertThat(analyzed.status()).as(analyzed.body().toString()).isEqualTo(200);
    JsonNode files = analyzed.body().path("existingEntityFiles");
    assertThat(files).hasSize(4);
    assertThat(files.get(0).path("location").path("type").asText()).isEqualTo("url");
    assertThat(files.get(0).path("location").path("target").asText()).isEqualTo(target);
    assertThat(files.get(0).path("isRegistered").asBoolean()).isFalse();
    assertThat(files.get(0).path("entity").path("metadata").path("name").asText())
        .isEqualTo("an-orders");
    assertThat(analyzed.body().path("generateEntities").isArray()).isTrue();
    assertThat(analyzed.body().path("generateEntities")).isEmpty();
    assertThat(get("/api/catalog/entities/by-name/component/default/an-orders").status())
        .isEqualTo(404);

    assertThat(
            platform()
                .post("/api/catalog/locations", Map.of("type", "url", "target", target))
                .status())
        .isEqualTo(201);
    JsonNode again = platform().post("/api/catalog/analyze-location", request).body();
    assertThat(again.path("existingEntityFiles").get(0).path("isRegistered").asBoolean()).isTrue();

    JsonNode nowhere =
        platform()
            .post(
                "/api/catalog/analyze-location",
                Map.of(
                    "location",
                    Map.of("type", "url", "target", repos.url("cat-analyze", "shop", "none.yaml"))))
            .body();
    assertThat(nowhere.path("existingEntityFiles")).isEmpty();
    Answer bad = platform().post("/api/catalog/analyze-location", Map.of("location", Map.of()));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().path("error").path("name").asText()).isEqualTo("InputError");
  }

  private static List<String> names(JsonNode page) {
    List<String> names = new ArrayList<>();
    page.path("items").forEach(i -> names.add(i.path("metadata").path("name").asText()));
    return names;
  }
}
