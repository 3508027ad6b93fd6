package dev.paved.api;

import static dev.paved.api.AccessRequestsTest.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code POST /access-requests} with an {@code Idempotency-Key}, by the rules of {@code POST
 * /runs}: a retry answers the request it started and starts nothing; the key reused for another
 * body is refused; a key belongs to the user who sent it.
 */
class AccessIdempotencyTest extends EndToEndTest {

  private static final String REQUESTS = "/api/v1/access-requests";

  @Autowired JdbcClient jdbc;

  @BeforeEach
  void ledgerInTheCatalog() {
    AccessRequestsTest.ledgerInTheCatalog(jdbc);
  }

  /** Withdraws what a test left waiting: another context on this database must not recover it. */
  @AfterEach
  void cancelWaitingRequests() {
    for (JsonNode item : get(REQUESTS + "?status=PENDING&limit=500").body().path("items")) {
      post(REQUESTS + "/" + item.path("id").asText() + "/cancel", Map.of(), Map.of());
    }
  }

  private int requests() {
    return get(REQUESTS + "?limit=500").body().path("items").size();
  }

  private int auditEntries() {
    return get("/api/v1/audit?limit=1000").body().path("items").size();
  }

  private static Map<String, String> key(String key) {
    return Map.of("Idempotency-Key", key);
  }

  @Test
  void aRetryWithTheSameKeyAnswersTheSameRequestAndStartsNothing() throws Exception {
    String key = "retry-" + UUID.randomUUID();
    Answer first = as("alice").post(REQUESTS, request("read", "PT1H"), key(key));
    assertThat(first.status()).as(first.body().toString()).isEqualTo(202);
    String id = first.body().path("id").asText();
    int before = requests();

    Answer again = as("alice").post(REQUESTS, request("read", "PT1H"), key(key));

    assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
    assertThat(again.body().path("id").asText()).isEqualTo(id);
    assertThat(requests()).isEqualTo(before);
    // once decided, the retry answers the request as it now stands
    assertThat(
            as("bob")
                .post(REQUESTS + "/" + id + "/approval", Map.of("decision", "approve"))
                .status())
        .isEqualTo(200);
    Answer later = as("alice").post(REQUESTS, request("read", "PT1H"), key(key));
    assertThat(later.status()).isEqualTo(200);
    assertThat(later.body().path("status").asText()).isEqualTo("ACTIVE");
    JsonNode trail = get("/api/v1/audit?subject=access-request:" + id).body().path("items");
    assertThat(trail)
        .filteredOn(e -> e.path("action").asText().equals("access.requested"))
        .hasSize(1);
    as("alice").post(REQUESTS + "/" + id + "/revoke", Map.of());
  }

  @Test
  void theSameKeyForAnotherBodyIsRefusedAndAnotherUsersKeyIsTheirOwn() {
    String key = "reuse-" + UUID.randomUUID();
    String id =
        as("alice").post(REQUESTS, request("read", "PT1H"), key(key)).body().path("id").asText();
    int before = requests();
    int audit = auditEntries();

    Answer reused = as("alice").post(REQUESTS, request("read", "PT2H"), key(key));

    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.contentType()).startsWith("application/problem+json");
    assertThat(reused.body().path("detail").asText()).contains("different request").contains(id);
    assertThat(requests()).isEqualTo(before);
    assertThat(auditEntries()).isEqualTo(audit);

    Answer bobs = as("bob").post(REQUESTS, request("read", "PT1H"), key(key));
    assertThat(bobs.status()).as(bobs.body().toString()).isEqualTo(202);
    assertThat(bobs.body().path("id").asText()).isNotEqualTo(id);
    assertThat(bobs.body().path("requestedBy").asText()).isEqualTo("bob");
  }

  @Test
  void aKeyOfNoneOrMoreThan200CharactersIsRefusedAndStartsNothing() {
    int before = requests();

    Answer tooLong = as("alice").post(REQUESTS, request("read", "PT1H"), key("k".repeat(201)));
    Answer blank = as("alice").post(REQUESTS, request("read", "PT1H"), key(" "));

    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.contentType()).startsWith("application/problem+json");
    assertThat(tooLong.body().path("detail").asText()).contains("1 to 200 characters");
    assertThat(blank.status()).isEqualTo(400);
    assertThat(requests()).isEqualTo(before);
    String longestKey = "k".repeat(164) + UUID.randomUUID();
    Answer longest = as("alice").post(REQUESTS, request("read", "PT1H"), key(longestKey));
    assertThat(longest.status()).as(longest.body().toString()).isEqualTo(202);
  }
}
