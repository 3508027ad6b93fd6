package dev.paved.api.hostile;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Malformed requests for every operation of the OpenAPI document: each is refused whatever the rest
 * of the request holds (a path that is not a resource, a query value of the wrong type, a body that
 * is not what the operation reads, a header over its limit), so each must be answered 4xx.
 */
final class HostileRequests {

  /** One request to send: how, where (the raw path, as sent), with which body and headers. */
  record Hostile(
      String what,
      String method,
      String rawPath,
      String body,
      String contentType,
      Map<String, String> headers,
      boolean signedIn) {}

  /** Path segments that are no id or name, each as sent: encoded, raw, or long. */
  static final List<String> SEGMENTS =
      List.of(
          "%00",
          "a%00b",
          "%2F",
          "..%2Fx",
          "%FF",
          "%C0%AE",
          "..",
          "%2e%2e",
          "%252e%252e",
          "x;jsessionid=1",
          ";x",
          "%5C..%5C",
          "%0d%0aX-Injected:%201",
          "%E2%80%AE",
          enc("${{ 7*7 }}"),
          enc("{{ 7*7 }}"),
          enc("{% for i in range(9) %}x{% endfor %}"),
          enc("../../etc/passwd"),
          "r-" + "0".repeat(70),
          "a".repeat(10_000));

  /** What a hostile caller puts in a run's parameters. */
  static final List<String> INJECTIONS =
      List.of(
          "${{ 7*7 }}",
          "{{ 7*7 }}",
          "{% set __paved_loop_iterations__ = -9000000000000000000 %}",
          "{% for i in range(99999999) %}x{% endfor %}",
          "${{ parameters | dump }}",
          "$(id)",
          "`id`",
          "a\u0000b",
          "a\nb",
          "../../etc/passwd",
          "<script>alert(1)</script>",
          "X".repeat(70));

  /** Bodies that are not JSON, or not the JSON any operation reads. */
  static final List<String> BAD_JSON =
      List.of(
          "{",
          "{\"a\":",
          "{'single': 'quotes'}",
          "{\"a\":1,}",
          "nul",
          "\u0000",
          "[]",
          "\"just a string\"",
          "12",
          "{\"a\":\"\\uZZZZ\"}",
          "[".repeat(10_000) + "]".repeat(10_000),
          "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000),
          "{\"x\":\"" + "y".repeat(70_000) + "\"}",
          "{\"" + "k".repeat(70_000) + "\":1}",
          "{\"n\":" + "9".repeat(2_000) + "}");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private HostileRequests() {}

  /** Every hostile request for every operation of {@code api}. */
  static List<Hostile> of(OpenAPI api) {
    List<Hostile> all = new ArrayList<>();
    api.getPaths()
        .forEach(
            (path, item) ->
                operations(item)
                    .forEach((method, operation) -> all.addAll(of(api, path, method, operation))));
    return all;
  }

  private static List<Hostile> of(OpenAPI api, String path, String method, Operation operation) {
    List<Hostile> out = new ArrayList<>();
    String key = method + " " + path;
    String valid = path.replaceAll("\\{[^}]+}", "x-0000000000000000");
    boolean body = operation.getRequestBody() != null;
    // the path: each variable (or, without one, a segment after the path) as no id is
    if (path.contains("{")) {
      for (String segment : SEGMENTS) {
        String raw = path.replaceAll("\\{[^}]+}", Matcher.quoteReplacement(segment));
        out.add(request(key + " path " + cut(segment), method, raw, body ? "{}" : null, true));
      }
    } else {
      for (String segment : List.of("%00", "..", "%2e%2e", ";x", "%2F", "%FF")) {
        out.add(request(key + " path+" + segment, method, path + "/" + segment, null, true));
      }
    }
    // the query: values of the wrong type for typed parameters
    for (Parameter parameter : parameters(operation, "query")) {
      for (String value : wrongValues(parameter.getSchema())) {
        String raw = valid + "?" + parameter.getName() + "=" + value;
        out.add(
            request(key + " ?" + parameter.getName() + "=" + cut(value), method, raw, null, true));
      }
    }
    // the body: not JSON, not this operation's JSON, or too large
    if (body) {
      for (String json : BAD_JSON) {
        out.add(request(key + " body " + cut(json), method, valid, json, true));
      }
      out.add(
          new Hostile(
              key + " body as text/plain", method, valid, "{}", "text/plain", Map.of(), true));
      out.add(
          new Hostile(
              key + " body as XML", method, valid, "<run/>", "application/xml", Map.of(), true));
      out.add(request(key + " body of 300 KB", method, valid, bigBody(300 * 1024), true));
      List<String> properties = bodyProperties(api, operation);
      out.addAll(wrongTypes(key, method, valid, properties));
      if (properties.contains("parameters")) {
        out.addAll(injections(key, method, valid));
      }
    }
    // the headers: an Idempotency-Key or all headers over their limit
    out.add(withHeader(key + " Idempotency-Key of 201", method, valid, "k".repeat(201)));
    out.add(withHeader(key + " Idempotency-Key of 60 KB", method, valid, "k".repeat(60_000)));
    out.add(
        new Hostile(
            key + " 20 KB of headers",
            method,
            valid,
            body ? "{}" : null,
            "application/json",
            Map.of("X-Padding", "p".repeat(20_000)),
            true));
    // signed out: refused all the same, before sign-in or by it
    String traversal = path.contains("{") ? path.replaceAll("\\{[^}]+}", "..") : path + "/..";
    out.add(request(key + " signed out, path ..", method, traversal, null, false));
    String longPath =
        path.contains("{")
            ? path.replaceAll("\\{[^}]+}", "a".repeat(10_000))
            : path + "/" + "a".repeat(10_000);
    out.add(request(key + " signed out, a long path", method, longPath, null, false));
    if (body) {
      out.add(request(key + " signed out, bad JSON", method, valid, "{", false));
    }
    return out;
  }

  /** The body with each property of the operation's schema given a value of the wrong type. */
  private static List<Hostile> wrongTypes(
      String key, String method, String path, List<String> properties) {
    List<Hostile> out = new ArrayList<>();
    Map<String, Object> wrong = new LinkedHashMap<>();
    wrong.put("number", 5);
    wrong.put("boolean", true);
    wrong.put("array", List.of("x"));
    wrong.put("object", Map.of("x", 1));
    wrong.put("null", null);
    wrong.put("deep", nested(100));
    for (Map.Entry<String, Object> value : wrong.entrySet()) {
      for (String property : properties) {
        out.add(
            request(
                key + " body " + property + " as " + value.getKey(),
                method,
                path,
                json(java.util.Collections.singletonMap(property, value.getValue())),
                true));
      }
    }
    return out;
  }

  /**
   * A run's parameters with template expressions, shell and path tricks where the form constrains
   * the value (name, owner) or as names the form does not declare; free text (description) only
   * beside a name the form refuses, so that none of them could start a run.
   */
  private static List<Hostile> injections(String key, String method, String path) {
    List<Hostile> out = new ArrayList<>();
    for (String injection : INJECTIONS) {
      List<Map<String, Object>> variants =
          List.of(
              Map.of("name", injection, "owner", "team-ops"),
              Map.of("name", "svc-" + Math.abs(injection.hashCode() % 1000), "owner", injection),
              Map.of("name", injection, "owner", "team-ops", "description", injection),
              Map.of("name", "svc-ok", "owner", "team-ops", injection, "x"));
      for (Map<String, Object> parameters : variants) {
        String body = json(Map.of("template", "java-service", "parameters", parameters));
        out.add(request(key + " injection " + cut(injection), method, path, body, true));
      }
    }
    return out;
  }

  /** Values that cannot be the parameter's type: for integers, booleans and enumerations only. */
  private static List<String> wrongValues(Schema<?> schema) {
    if (schema == null) {
      return List.of();
    }
    String type = schema.getType() == null ? "" : schema.getType();
    return switch (type) {
      case "integer", "number" ->
          List.of("abc", "1e999", "99999999999999999999", "%00", "1x", enc("${{7*7}}"));
      case "boolean" -> List.of("maybe", "tru", enc("${{true}}"));
      default -> List.of();
    };
  }

  /** The properties of the operation's JSON body, as the document describes it. */
  private static List<String> bodyProperties(OpenAPI api, Operation operation) {
    Schema<?> schema =
        operation.getRequestBody().getContent().values().iterator().next().getSchema();
    String ref = schema.get$ref();
    if (ref != null) {
      schema = api.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
    }
    return schema.getProperties() == null
        ? List.of("x")
        : List.copyOf(schema.getProperties().keySet());
  }

  private static Object nested(int depth) {
    Object value = "x";
    for (int i = 0; i < depth; i++) {
      value = Map.of("a", value);
    }
    return value;
  }

  static String json(Object value) {
    return JSON.writeValueAsString(value);
  }

  private static String bigBody(int size) {
    return "{\"template\":\"" + "b".repeat(size) + "\"}";
  }

  private static Hostile request(
      String what, String method, String path, String body, boolean signedIn) {
    return new Hostile(what, method, path, body, "application/json", Map.of(), signedIn);
  }

  private static Hostile withHeader(String what, String method, String path, String key) {
    return new Hostile(
        what, method, path, null, "application/json", Map.of("Idempotency-Key", key), true);
  }

  private static List<Parameter> parameters(Operation operation, String in) {
    return operation.getParameters() == null
        ? List.of()
        : operation.getParameters().stream().filter(p -> in.equals(p.getIn())).toList();
  }

  static Map<String, Operation> operations(PathItem item) {
    Map<String, Operation> out = new LinkedHashMap<>();
    item.readOperationsMap().forEach((method, operation) -> out.put(method.name(), operation));
    return out;
  }

  static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String cut(String text) {
    return text.length() > 24 ? text.substring(0, 24) + "…(" + text.length() + ")" : text;
  }
}
