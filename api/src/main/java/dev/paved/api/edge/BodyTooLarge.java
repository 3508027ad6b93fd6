package dev.paved.api.edge;

import java.io.IOException;

/** A request body that went past {@code paved.limits.body-size} while it was read: 413. */
public class BodyTooLarge extends IOException {

  private final long limit;

  BodyTooLarge(long limit) {
    super("the request body is larger than " + limit + " bytes");
    this.limit = limit;
  }

  /** The limit, in bytes. */
  public long limit() {
    return limit;
  }
}
