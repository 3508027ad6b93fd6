package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A dry run is refused exactly as the real {@code POST /runs} would be (same status, same problem),
 * and neither starts nor claims anything; parameters the form does not declare are refused.
 */
class DryRunAdmissionTest extends EndToEndTest {

  private static final String RUNS = "/api/v1/runs";

  private static Map<String, Object> service(String name) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("name", name);
    parameters.put("owner", "team-payments");
    parameters.put("description", "Admission test");
    return parameters;
  }

  private static Map<String, Object> body(String template, Map<String, Object> parameters) {
    return Map.of("template", template, "parameters", parameters);
  }

  /** The same request as a dry run and for real: the same refusal, and nothing started. */
  private JsonNode assertSameRefusal(
      Caller caller, String template, Map<String, Object> parameters, int status) {
    int runsBefore = runs();
    Answer dry = caller.post(RUNS + "?dryRun=true", body(template, parameters));
    Answer real = caller.post(RUNS, body(template, parameters));

    assertThat(real.status()).as(real.body().toString()).isEqualTo(status);
    assertThat(dry.status()).as(dry.body().toString()).isEqualTo(real.status());
    assertThat(dry.contentType()).startsWith("application/problem+json");
    assertThat(real.contentType()).startsWith("application/problem+json");
    assertThat(comparable(dry.body())).isEqualTo(comparable(real.body()));
    assertThat(runs()).isEqualTo(runsBefore);
    return real.body();
  }

  /** The problem without what differs per request by design (its instance, an error id). */
  private static JsonNode comparable(JsonNode problem) {
    ObjectNode copy = problem.deepCopy();
    copy.remove("instance");
    copy.remove("errorId");
    return copy;
  }

  private int runs() {
    return get(RUNS + "?limit=500").body().path("items").size();
  }

  @Test
  void aDryRunIsRefusedAsTheRealStartIsAndMakesNothing() throws Exception {
    // a run holding its name: it pauses on its failed register step
    Map<String, Object> held = Map.of("name", "admission-held", "owner", "team-payments");
    String holder = startRun("pauses-on-register", held).path("id").asText();
    assertThat(awaitEnd(holder).path("status").asText()).isEqualTo("NEEDS_ATTENTION");

    JsonNode badForm =
        assertSameRefusal(
            platform(), "java-service", Map.of("name", "Not_A_DNS_Label", "owner", "x"), 400);
    assertThat(badForm.path("errors").toString()).contains("name");

    Map<String, Object> colour = service("admission-colour");
    colour.put("colour", "red");
    JsonNode unknown = assertSameRefusal(platform(), "java-service", colour, 400);
    assertThat(unknown.path("errors").toString())
        .isEqualTo(
            "[{\"field\":\"colour\",\"message\":\"is not a parameter of this template's form\"}]");

    JsonNode taken = assertSameRefusal(platform(), "pauses-on-register", held, 409);
    assertThat(taken.path("detail").asText()).contains("admission-held", holder);

    JsonNode otherTeam =
        assertSameRefusal(as("carol"), "java-service", service("admission-carol"), 403);
    assertThat(otherTeam.path("detail").asText())
        .isEqualTo(
            "carol is not a member of team-payments: only members of team-payments or the"
                + " platform team may start its runs");

    assertSameRefusal(anonymous(), "java-service", service("admission-anonymous"), 401);
    assertSameRefusal(platform(), "no-such-template", service("admission-nothing"), 404);

    // nothing was claimed by the refused dry runs: a real run of a refused name starts
    Answer started = as("alice").postRun("java-service", service("admission-carol"), Map.of());
    assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
    awaitEnd(started.body().path("id").asText());
    assertThat(post(RUNS + "/" + holder + "/cancel", Map.of(), Map.of()).status()).isIn(200, 202);
  }

  @Test
  void aDryRunWithAnIdempotencyKeyUsedForAnotherRequestIsRefusedAsTheStartIs() throws Exception {
    Map<String, String> key = Map.of("Idempotency-Key", "admission-key-1");
    Answer first = postRun("java-service", service("admission-keyed"), key);
    assertThat(first.status()).as(first.body().toString()).isEqualTo(202);
    awaitEnd(first.body().path("id").asText());

    Map<String, Object> other = body("java-service", service("admission-keyed-other"));
    Answer dry = post(RUNS + "?dryRun=true", other, key);
    Answer real = post(RUNS, other, key);
    assertThat(real.status()).isEqualTo(422);
    assertThat(dry.status()).isEqualTo(422);
    assertThat(comparable(dry.body())).isEqualTo(comparable(real.body()));

    // the same request again: the start would answer its run (200), and so does the dry run
    Map<String, Object> same = body("java-service", service("admission-keyed"));
    Answer replayed = post(RUNS + "?dryRun=true", same, key);
    assertThat(replayed.status()).isEqualTo(200);
    assertThat(replayed.body().path("id").asText()).isEqualTo(first.body().path("id").asText());
  }

  @Test
  void parametersDeclaredByAnyPageOrSubSchemaAreAccepted() {
    Map<String, Object> production = service("admission-pages");
    production.put("lifecycle", "production");

    Answer dry = post(RUNS + "?dryRun=true", body("java-service", production), Map.of());

    assertThat(dry.status()).as(dry.body().toString()).isEqualTo(200);
    assertThat(dry.body().path("status").asText()).isEqualTo("COMPLETED");
  }
}
