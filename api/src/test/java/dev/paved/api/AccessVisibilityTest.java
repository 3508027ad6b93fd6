package dev.paved.api;

import static dev.paved.api.AccessRequestsTest.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who sees an access request: its requester, its approvers (the owning team and SRE), the platform
 * team and the auditors. Anyone else gets 404, as for a request that does not exist, and a list
 * without it.
 */
class AccessVisibilityTest extends EndToEndTest {

  private static final String REQUESTS = "/api/v1/access-requests";

  @Autowired JdbcClient jdbc;

  @BeforeEach
  void servicesInTheCatalog() {
    AccessRequestsTest.ledgerInTheCatalog(jdbc);
    AccessRequestsTest.serviceInTheCatalog(jdbc, "visibility-probe", "team-search");
  }

  /** A request for the ledger (team-payments approves). */
  private String ask(String user) {
    return ask(user, "component:default/ledger");
  }

  private String ask(String user, String service) {
    Map<String, Object> body = request("read", "PT1H");
    body.put("service", service);
    Answer asked = as(user).post(REQUESTS, body);
    assertThat(asked.status()).as(asked.body().toString()).isEqualTo(202);
    return asked.body().path("id").asText();
  }

  private JsonNode list(String user, String query) {
    Answer answer = as(user).get(REQUESTS + query);
    assertThat(answer.status()).isEqualTo(200);
    return answer.body().path("items");
  }

  @Test
  void onlyTheRequesterItsApproversThePlatformTeamAndAuditorsSeeARequest() {
    String alices = ask("alice");
    String carols = ask("carol");
    try {
      for (String user : new String[] {"alice", "bob", "sam", "pat", "audrey"}) {
        Answer seen = as(user).get(REQUESTS + "/" + alices);
        assertThat(seen.status()).as(user).isEqualTo(200);
        assertThat(list(user, "?limit=500"))
            .as(user)
            .extracting(i -> i.path("id").asText())
            .contains(alices);
      }
      Answer hidden = as("carol").get(REQUESTS + "/" + alices);
      Answer unknown = as("carol").get(REQUESTS + "/a-0000000000000000");
      assertThat(hidden.status()).isEqualTo(404);
      assertThat(hidden.contentType()).startsWith("application/problem+json");
      assertThat(hidden.body().path("detail").asText())
          .isEqualTo("no access request with id '" + alices + "'");
      assertThat(unknown.status()).isEqualTo(404);
      assertThat(list("carol", "?limit=500"))
          .extracting(i -> i.path("id").asText())
          .contains(carols)
          .doesNotContain(alices);
      // carol's own request on team-payments' service: its approvers see it, as she does
      assertThat(as("bob").get(REQUESTS + "/" + carols).status()).isEqualTo(200);
      assertThat(as("carol").get(REQUESTS + "/" + carols).status()).isEqualTo(200);
    } finally {
      post(REQUESTS + "/" + alices + "/cancel", Map.of(), Map.of());
      post(REQUESTS + "/" + carols + "/cancel", Map.of(), Map.of());
    }
  }

  @Test
  void theLimitAndTheFiltersApplyToWhatTheCallerMaySee() {
    String first = ask("alice");
    String second = ask("alice");
    // newer than alice's and not hers to see (team-search approves): a limit applied before the
    // filter would let it take the place of one of hers
    String newest = ask("carol", "component:default/visibility-probe");
    try {
      assertThat(list("alice", "?limit=2"))
          .extracting(i -> i.path("id").asText())
          .containsExactly(second, first);
      assertThat(list("carol", "?limit=1"))
          .extracting(i -> i.path("id").asText())
          .containsExactly(newest);
      assertThat(as("bob").get(REQUESTS + "/" + newest).status()).isEqualTo(404);
      assertThat(list("alice", "?mine=true&status=PENDING&limit=2"))
          .extracting(i -> i.path("id").asText())
          .containsExactly(second, first);
      assertThat(list("carol", "?status=PENDING&limit=500"))
          .extracting(i -> i.path("id").asText())
          .doesNotContain(first, second);
    } finally {
      for (String id : new String[] {first, second, newest}) {
        post(REQUESTS + "/" + id + "/cancel", Map.of(), Map.of());
      }
    }
  }
}
