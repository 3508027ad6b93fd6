package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paved.api.catalog.CatalogGitRepos;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An approval step nobody but the requester could approve is refused when the run is asked for
 * (422, the dry run alike), not left to expire; members come from the catalog's Group and User
 * entities and from the sample users file together, and a step whose {@code if} is false is not
 * judged.
 */
class ApproverAdmissionTest extends EndToEndTest {

  private static final String RUNS = "/api/v1/runs";

  private static final String ORG =
      """
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata: {name: team-search}
      spec: {type: team, children: [], members: [dave]}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: User
      metadata: {name: dave}
      spec: {memberOf: []}
      """;

  private static Map<String, Object> request(String name, String owner, boolean production) {
    return Map.of(
        "template",
        "owner-approval",
        "parameters",
        Map.of("name", name, "owner", owner, "production", production));
  }

  @Test
  void anApprovalOnlyTheRequesterCouldGiveIsRefusedUntilTheCatalogNamesAnotherMember()
      throws Exception {
    // carol is team-search's only member in the users file, and the catalog knows no team-search
    Answer dry =
        as("carol").post(RUNS + "?dryRun=true", request("appr-search", "team-search", true));
    Answer real = as("carol").post(RUNS, request("appr-search", "team-search", true));
    assertThat(real.status()).as(real.body().toString()).isEqualTo(422);
    assertThat(dry.status()).as(dry.body().toString()).isEqualTo(422);
    assertThat(real.contentType()).startsWith("application/problem+json");
    assertThat(real.body().path("type").asText()).endsWith("/no-approver");
    assertThat(real.body().path("detail").asText())
        .contains("step 'approval'", "team-search", "no member other than carol");
    assertThat(real.body().path("step").asText()).isEqualTo("approval");
    assertThat(real.body().path("approvers").toString()).isEqualTo("[\"team-search\"]");
    assertThat(dry.body().path("detail")).isEqualTo(real.body().path("detail"));

    // not for production: the step's `if` is false, so it is not judged and the run completes
    Answer skipped = as("carol").post(RUNS, request("appr-search-dev", "team-search", false));
    assertThat(skipped.status()).as(skipped.body().toString()).isEqualTo(202);
    assertThat(awaitEnd(skipped.body().path("id").asText()).path("status").asText())
        .isEqualTo("COMPLETED");

    // the users file puts bob beside alice in team-payments
    Answer payments =
        as("alice").post(RUNS + "?dryRun=true", request("appr-payments", "team-payments", true));
    assertThat(payments.status()).as(payments.body().toString()).isEqualTo(200);

    // a location of the platform team's defines team-search with dave: carol may now ask
    CatalogGitRepos repos = new CatalogGitRepos(dataDir);
    repos.commit("platform", "org", Map.of("org.yaml", ORG));
    Answer added =
        platform()
            .post(
                "/api/catalog/locations",
                Map.of("type", "url", "target", repos.url("platform", "org", "org.yaml")));
    assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
    assertThat(added.body().path("errors")).isEmpty();

    Answer search =
        as("carol").post(RUNS + "?dryRun=true", request("appr-search2", "team-search", true));
    assertThat(search.status()).as(search.body().toString()).isEqualTo(200);
    JsonNode approval = search.body().path("resources").get(0);
    assertThat(approval.path("approvers").toString()).isEqualTo("[\"team-search\"]");
  }
}
