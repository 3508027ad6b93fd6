package dev.paved.api.portal;

import jakarta.servlet.http.HttpServletRequest;
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

  SignInPage(ObjectProvider<UserDetailsService> users) {
    this.usersFile = users.getIfAvailable() != null;
  }

  @GetMapping(path = "/sign-in", produces = MediaType.TEXT_HTML_VALUE)
  String page(HttpServletRequest request) {
    String message = "";
    if (request.getParameter("error") != null) {
      message = "<p class=\"alert\" role=\"alert\">Wrong user name or password.</p>";
    } else if (request.getParameter("signed-out") != null) {
      message = "<p class=\"card\" role=\"status\">You have signed out.</p>";
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
    } else {
      form =
          "<p class=\"alert\" role=\"alert\">This Paved signs users in with bearer tokens of its"
              + " OIDC issuer; the portal's sign-in through the issuer is not built yet. The API"
              + " works with a bearer token.</p>";
    }
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
