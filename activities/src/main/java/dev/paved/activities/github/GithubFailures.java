package dev.paved.activities.github;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paved.activities.support.StepFailures;
import dev.paved.workflows.steps.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kohsuke.github.GHException;
import org.kohsuke.github.GHIOException;
import org.kohsuke.github.HttpException;

/**
 * What a GitHub error means for a step. A rate limit is a retryable failure whose next retry waits
 * as long as GitHub asks; 401 and 403 are Unauthorized; 400 and 422 InvalidInput; 5xx, 409 and no
 * answer at all are Unavailable and retried under the step's policy.
 */
public final class GithubFailures {

  /** GitHub's advice for a secondary rate limit that names no time: wait at least a minute. */
  static final Duration SECONDARY_LIMIT_WAIT = Duration.ofMinutes(1);

  private static final ObjectMapper JSON = new ObjectMapper();

  private GithubFailures() {}

  /** The step failure for a GitHub error met while {@code doing} (for example "creating x/y"). */
  public static ApplicationFailure of(String doing, IOException e, Instant now) {
    int status = status(e);
    Optional<Duration> wait = rateLimitWait(e, status, now);
    if (wait.isPresent()) {
      return ApplicationFailure.newBuilder()
          .setMessage(
              "GitHub's rate limit was reached while %s; GitHub asks to wait %d s"
                  .formatted(doing, wait.get().toSeconds()))
          .setType(FailureTypes.UNAVAILABLE)
          .setNextRetryDelay(wait.get())
          .build();
    }
    String said = errorMessage(e).map(m -> ": " + m).orElse("");
    if (status == 401) {
      return StepFailures.unauthorized("GitHub refused Paved's credentials while " + doing + said);
    }
    if (status == 403) {
      return StepFailures.unauthorized(
          "GitHub did not allow " + doing + " with Paved's credentials (403)" + said);
    }
    if (status == 400 || status == 422) {
      return StepFailures.invalidInput("GitHub refused " + doing + " (" + status + ")" + said);
    }
    if (status < 0) {
      return StepFailures.unavailable("GitHub did not answer while " + doing, e);
    }
    return StepFailures.unavailable("GitHub answered " + status + " while " + doing + said, e);
  }

  /** The IOException inside one of hub4j's unchecked wrappers (paged lists throw those). */
  public static IOException unwrap(GHException e) {
    return e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
  }

  /** The HTTP status of a GitHub error; -1 when GitHub did not answer. */
  public static int status(IOException e) {
    if (e instanceof HttpException http) {
      return http.getResponseCode();
    }
    return e instanceof FileNotFoundException ? 404 : -1;
  }

  public static boolean notFound(IOException e) {
    return status(e) == 404;
  }

  /** An answer hub4j could not read as the object it asked for (a list where one was expected). */
  public static boolean notAnObject(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JsonProcessingException) {
        return true;
      }
    }
    return false;
  }

  /** 422 with GitHub's "name already exists on this account". */
  public static boolean nameTaken(IOException e) {
    return status(e) == 422 && String.valueOf(e.getMessage()).contains("already exists");
  }

  /**
   * How long GitHub asks Paved to wait, as its documentation says to read it: {@code Retry-After}
   * seconds, and with {@code X-RateLimit-Remaining: 0} until {@code X-RateLimit-Reset} (the later
   * of the two when both are given); else, for a secondary limit, a minute. Empty when the error is
   * no rate limit.
   */
  static Optional<Duration> rateLimitWait(IOException e, int status, Instant now) {
    if (status != 403 && status != 429) {
      return Optional.empty();
    }
    Map<String, List<String>> headers =
        e instanceof GHIOException gh && gh.getResponseHeaderFields() != null
            ? gh.getResponseHeaderFields()
            : Map.of();
    Optional<Duration> retryAfter =
        header(headers, "Retry-After").flatMap(GithubFailures::number).map(Duration::ofSeconds);
    Optional<Long> reset = header(headers, "X-RateLimit-Reset").flatMap(GithubFailures::number);
    Optional<Duration> untilReset =
        header(headers, "X-RateLimit-Remaining").filter("0"::equals).isPresent()
            ? reset.map(at -> Duration.between(now, Instant.ofEpochSecond(at)))
            : Optional.empty();
    if (retryAfter.isPresent() || untilReset.isPresent()) {
      // both given: a call before the reset would meet the spent limit again, so wait for both
      Duration wait =
          retryAfter.isEmpty()
              ? untilReset.get()
              : untilReset.isEmpty() || retryAfter.get().compareTo(untilReset.get()) >= 0
                  ? retryAfter.get()
                  : untilReset.get();
      return Optional.of(atLeastASecond(wait));
    }
    if (status == 429 || header(headers, "gh-limited-by").isPresent()) {
      return Optional.of(SECONDARY_LIMIT_WAIT);
    }
    return Optional.empty();
  }

  /** GitHub's own words from an error body: its message and those of its listed errors. */
  static Optional<String> errorMessage(IOException e) {
    String text = e.getMessage();
    if (text == null) {
      return Optional.empty();
    }
    int start = text.indexOf('{');
    if (start < 0) {
      return Optional.of(text.strip());
    }
    try {
      JsonNode body = JSON.readTree(text.substring(start));
      List<String> parts = new ArrayList<>();
      if (body.hasNonNull("message")) {
        parts.add(body.get("message").asText());
      }
      for (JsonNode error : body.path("errors")) {
        parts.add(error.isTextual() ? error.asText() : error.path("message").asText(""));
      }
      parts.removeIf(String::isBlank);
      return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
    } catch (IOException notJson) {
      return Optional.of(text.strip());
    }
  }

  private static Optional<String> header(Map<String, List<String>> headers, String name) {
    return headers.entrySet().stream()
        .filter(h -> h.getKey() != null && h.getKey().equalsIgnoreCase(name))
        .flatMap(h -> h.getValue().stream())
        .map(String::strip)
        .findFirst();
  }

  private static Optional<Long> number(String value) {
    try {
      return Optional.of(Long.parseLong(value));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Duration atLeastASecond(Duration wait) {
    return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
  }
}
