package dev.paved.api;

import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The API's errors, answered as {@code application/problem+json} with a stable type. */
public final class Problems {

  /** The most characters of a caller's input an answer repeats (a name, a path, an id). */
  public static final int ECHO_LENGTH = 80;

  /** The longest detail an answer gives. */
  static final int DETAIL_LENGTH = 1000;

  private static final Pattern QUOTED = Pattern.compile("'([^']{" + (ECHO_LENGTH + 1) + ",})'");

  /** A Java class name, as some framework messages carry one: never shown to a caller. */
  private static final Pattern CLASS_NAME =
      Pattern.compile(
          "`?\\b(?:java|javax|jakarta|org|com|dev|tools|io|sun|jdk)(?:\\.[a-z_$][\\w$]*)+"
              + "\\.[A-Z][\\w$]*`?");

  private Problems() {}

  public static ErrorResponseException notFound(String detail) {
    return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail, Map.of());
  }

  public static ErrorResponseException invalid(String detail, Map<String, Object> properties) {
    return problem(
        HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail, properties);
  }

  public static ErrorResponseException conflict(String detail, Map<String, Object> properties) {
    return problem(HttpStatus.CONFLICT, "conflict", "Conflict", detail, properties);
  }

  /** Signed in, but not allowed to do this. */
  public static ErrorResponseException forbidden(String detail) {
    return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, Map.of());
  }

  /** Well-formed, but against policy (a duration beyond the role's maximum, an unknown service). */
  public static ErrorResponseException refused(String detail, Map<String, Object> properties) {
    return problem(
        HttpStatus.UNPROCESSABLE_CONTENT, "policy", "Refused by policy", detail, properties);
  }

  public static ErrorResponseException unavailable(String detail) {
    return problem(
        HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable", detail, Map.of());
  }

  public static ErrorResponseException problem(
      HttpStatus status, String type, String title, String detail, Map<String, Object> properties) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail(detail));
    body.setType(URI.create("https://paved.dev/problems/" + type));
    body.setTitle(title);
    properties.forEach(body::setProperty);
    return new ErrorResponseException(status, body, null);
  }

  /**
   * A detail as an answer may carry it: each quoted echo of the caller's input ({@code 'name'}) cut
   * to {@link #ECHO_LENGTH}, no Java class name, no control character, and at most {@link
   * #DETAIL_LENGTH} characters in all.
   */
  public static String detail(String detail) {
    if (detail == null) {
      return null;
    }
    Matcher quoted = QUOTED.matcher(detail);
    StringBuilder cut = new StringBuilder();
    while (quoted.find()) {
      quoted.appendReplacement(cut, Matcher.quoteReplacement("'" + echo(quoted.group(1)) + "'"));
    }
    quoted.appendTail(cut);
    String plain = CLASS_NAME.matcher(cut).replaceAll("a value");
    return echo(plain, DETAIL_LENGTH);
  }

  /**
   * The caller's input as an answer may repeat it: cut to {@link #ECHO_LENGTH} (never inside a
   * character), control and format characters (a right-to-left override) shown as {@code ?}.
   */
  public static String echo(String input) {
    return echo(input, ECHO_LENGTH);
  }

  private static String echo(String input, int length) {
    if (input == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(Math.min(input.length(), length + 1));
    for (int i = 0; i < input.length() && out.length() < length; i++) {
      char c = input.charAt(i);
      boolean hidden = Character.isISOControl(c) || Character.getType(c) == Character.FORMAT;
      out.append(hidden ? '?' : c);
    }
    if (!out.isEmpty() && Character.isHighSurrogate(out.charAt(out.length() - 1))) {
      out.setLength(out.length() - 1); // never half a character
    }
    if (input.length() > length) {
      out.append('…');
    }
    return out.toString();
  }
}
