package dev.paved.api.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused sign-in set-up as two sentences instead of a page of bean errors. */
class SignInRefusedAnalyzer extends AbstractFailureAnalyzer<SignInRefused> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, SignInRefused cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Fix the sign-in settings as the message says; docs/access.md describes the users file"
            + " and the OIDC settings.",
        cause);
  }
}
