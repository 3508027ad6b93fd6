package dev.paved.api.edge;

import dev.paved.api.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * A problem written without Spring MVC (by a filter, the firewall's handler, Tomcat's error valve),
 * the same shape as the controllers' answers. Plain string building: it must not fail, whatever
 * state the request is in.
 */
final class ProblemJson {

  static final String CONTENT_TYPE = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

  private ProblemJson() {}

  /** What an answer with this status is about, for the statuses the edge answers. */
  static String body(int status, String detail, String instance) {
    HttpStatus known = HttpStatus.resolve(status);
    String title = known == null ? "Error" : known.getReasonPhrase();
    String type = type(status);
    StringBuilder json = new StringBuilder(256);
    json.append("{\"type\":\"https://paved.dev/problems/").append(type).append('"');
    json.append(",\"title\":").append(quote(title));
    json.append(",\"status\":").append(status);
    json.append(",\"detail\":").append(quote(Problems.detail(detail)));
    if (instance != null) {
      json.append(",\"instance\":").append(quote(Problems.echo(instance)));
    }
    return json.append('}').toString();
  }

  static byte[] bytes(int status, String detail, String instance) {
    return body(status, detail, instance).getBytes(StandardCharsets.UTF_8);
  }

  /** Writes it, unless an answer has begun already. */
  static void write(
      jakarta.servlet.http.HttpServletResponse response, int status, String detail, String instance)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType(CONTENT_TYPE);
    response.setCharacterEncoding("UTF-8");
    byte[] body = bytes(status, detail, instance);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    response.flushBuffer();
  }

  /** What an answer of this status says when nothing more is known. */
  static String detail(int status) {
    return switch (status) {
      case 404 -> "nothing here";
      case 405 -> "this method is not allowed here";
      default ->
          status >= 500
              ? "Paved could not answer this request"
              : "the request was refused; nothing was done";
    };
  }

  private static String type(int status) {
    return switch (status) {
      case 400 -> "invalid-request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 413, 414, 431 -> "too-large";
      default -> status >= 500 ? "internal" : "http-" + status;
    };
  }

  private static String quote(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
