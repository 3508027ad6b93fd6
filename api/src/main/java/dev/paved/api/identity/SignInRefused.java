package dev.paved.api.identity;

/** Paved will not start with this way of signing users in; the message says why and what to do. */
public class SignInRefused extends IllegalStateException {

  public SignInRefused(String message) {
    super(message);
  }
}
