package dev.paved.api.portal;

import dev.paved.api.identity.IdentityProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in page, written by the server so that it works without JavaScript and carries this
 * request's CSRF token; Spring Security's form login reads the post.
 */
@RestController
class SignInPage {

  private final boolean usersFile;
  private final IdentityProperties.Oidc oidc;

  SignInPage(ObjectProvider<UserDetailsService> users, IdentityProperties identity) {
    this.usersFile = users.getIfAvailable() != null;
    this.oidc = identity.oidc();
  }

  @GetMapping(path = "/sign-in", produces = MediaType.TEXT_HTML_VALUE)
  String page(HttpServletRequest request) {
    String message = "";
    if (request.getParameter("error") != null) {
      message = "<p class=\"alert\" role=\"alert\">Wrong user name or password.</p>";
    } else if (request.getParameter("signed-out") != null) {
      message = "<p class=\"card\" role=\"status\">You have signed out.</p>";
    } else if (request.getParameter("refused") != null) {
      message =
          "<p class=\"alert\" role=\"alert\">The sign-in through your identity provider did"
              + " not succeed. Try again, or ask the platform team.</p>";
    } else if (request.getParameter("expired") != null) {
      message = "<p class=\"card\" role=\"status\">Your session has ended: sign in again.</p>";
    }
    String form;
    if (usersFile) {
      CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
      form =
          """
          <form method="post" action="/sign-in" class="card">
            <input type="hidden" name="%s" value="%s">
            <label for="username">User name</label>
            <input id="username" name="username" autocomplete="username" required autofocus>
            <label for="password">Password</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required>
            <div class="buttons"><button type="submit" class="primary">Sign in</button></div>
          </form>
          """
              .formatted(
                  HtmlUtils.htmlEscape(csrf.getParameterName()),
                  HtmlUtils.htmlEscape(csrf.getToken()));
    } else if (oidc.portalSignIn()) {
      form =
          "<p><a class=\"button primary\" href=\"/oauth2/authorization/paved\">Sign in with %s</a></p>"
              .formatted(HtmlUtils.htmlEscape(issuerHost()));
    } else {
      form =
          "<p class=\"alert\" role=\"alert\">This Paved signs users in with bearer tokens of its"
              + " OIDC issuer only: for the portal, set PAVED_OIDC_CLIENT_ID and"
              + " PAVED_OIDC_CLIENT_SECRET (docs/access.md). The API works with a bearer token.</p>";
    }
    return page(message, form);
  }

  private String issuerHost() {
    String host = URI.create(oidc.issuerUri()).getHost();
    return host == null ? "your identity provider" : host;
  }

  private static String page(String message, String form) {
    return """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Sign in · Paved</title>
          <link rel="stylesheet" href="/assets/portal.css">
        </head>
        <body>
          <main class="signin">
            <h1>Sign in to Paved</h1>
            %s
            %s
          </main>
        </body>
        </html>
        """
        .formatted(message, form);
  }
}
