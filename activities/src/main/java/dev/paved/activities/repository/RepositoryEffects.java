package dev.paved.activities.repository;

import dev.paved.activities.support.Effects;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import org.kohsuke.github.HttpException;

/** What the GitHub repository step reports it made ({@link Effects}). */
final class RepositoryEffects {

  private RepositoryEffects() {}

  /** The name the step reports for the repository {@code owner/name}. */
  static String of(String name) {
    return "github repository " + name;
  }

  /** GitHub refused the call (4xx, 429, 503) or was never reached: nothing was made. */
  static boolean refusedWithoutMaking(IOException e) {
    if (e instanceof HttpException http) {
      return Effects.refusedWithoutMaking(http.getResponseCode());
    }
    return e instanceof ConnectException || e instanceof UnknownHostException;
  }
}
