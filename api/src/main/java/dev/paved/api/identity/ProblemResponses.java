package dev.paved.api.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paved.api.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as {@code application/problem+json}, like every other error of the API. A 401 names
 * how to sign in ({@code WWW-Authenticate}); neither echoes the credentials it was given.
 */
final class ProblemResponses {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProblemResponses() {}

  static AuthenticationEntryPoint basic() {
    return (request, response, e) -> {
      response.setHeader("WWW-Authenticate", "Basic realm=\"Paved\", charset=\"UTF-8\"");
      write(
          request,
          response,
          HttpStatus.UNAUTHORIZED,
          "unauthorized",
          "Unauthorized",
          "sign in: this API needs a user name and password (HTTP basic)");
    };
  }

  /** The portal's API calls without a live session: 401, no challenge (no browser dialog). */
  static AuthenticationEntryPoint session() {
    return (request, response, e) ->
        write(
            request,
            response,
            HttpStatus.UNAUTHORIZED,
            "unauthorized",
            "Unauthorized",
            "sign in: your session has ended or was never started (the portal's sign-in page is"
                + " /sign-in)");
  }

  static AuthenticationEntryPoint bearer() {
    BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    challenge.setRealmName("Paved");
    return (request, response, e) -> {
      challenge.commence(request, response, e); // status and WWW-Authenticate, with the error
      write(
          request,
          response,
          HttpStatus.UNAUTHORIZED,
          "unauthorized",
          "Unauthorized",
          "sign in: this API needs a valid bearer token from the configured OIDC issuer");
    };
  }

  static AccessDeniedHandler denied() {
    return (request, response, e) ->
        write(
            request,
            response,
            HttpStatus.FORBIDDEN,
            "forbidden",
            "Forbidden",
            "you may not do this");
  }

  private static void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String type,
      String title,
      String detail)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "https://paved.dev/problems/" + type);
    body.put("title", title);
    body.put("status", status.value());
    body.put("detail", detail);
    body.put("instance", Problems.echo(request.getRequestURI())); // the path as sent, cut
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    JSON.writeValue(response.getOutputStream(), body);
  }
}
