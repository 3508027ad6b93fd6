package dev.paved.api.scorecards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON columns of the results: the facts a rule read, and the waiver in force. */
final class ScoreJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ScoreJson() {}

  static String facts(Map<String, Fact> facts) {
    Map<String, Object> out = new LinkedHashMap<>();
    facts.forEach((name, fact) -> out.put(name, fact(fact)));
    return write(out);
  }

  /** A fact as the API shows it: {@code {value, type, source, detail, observedAt}}. */
  static Map<String, Object> fact(Fact fact) {
    Map<String, Object> one = new LinkedHashMap<>();
    one.put("value", FactValues.json(fact.value()));
    one.put("type", FactValues.type(fact.value()));
    one.put("source", fact.source());
    one.put("detail", fact.detail());
    one.put("observedAt", fact.observedAt() == null ? null : fact.observedAt().toString());
    return one;
  }

  /** The facts column as the API shows it (name to fact). */
  static Map<String, Object> readFacts(String json) {
    return read(json);
  }

  static String waiver(Waivers.Waiver waiver) {
    if (waiver == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", waiver.id());
    out.put("reason", waiver.reason());
    out.put("expiresAt", waiver.expiresAt() == null ? null : waiver.expiresAt().toString());
    out.put("requestedBy", waiver.requestedBy());
    out.put("approvedBy", waiver.approvedBy());
    return write(out);
  }

  static Waivers.Waiver readWaiver(String json) {
    if (json == null) {
      return null;
    }
    Map<String, Object> in = read(json);
    Object expires = in.get("expiresAt");
    return new Waivers.Waiver(
        (String) in.get("id"),
        (String) in.get("reason"),
        expires == null ? null : Instant.parse((String) expires),
        (String) in.get("requestedBy"),
        (String) in.get("approvedBy"));
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> read(String json) {
    try {
      return JSON.readValue(json, new TypeReference<>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
