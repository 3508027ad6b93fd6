package dev.paved.activities.render;

/**
 * A render stopped by a limit of {@link RenderLimits} (or by its deadline); the step fails for good
 * with InvalidInput, since rendering the same template again would stop again.
 */
final class RenderRefused extends RuntimeException {

  RenderRefused(String message) {
    super(message, null, false, false);
  }
}
