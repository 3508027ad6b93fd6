package dev.paved.api.scorecards;

import java.time.Instant;

/**
 * One fact about one entity, as a collector observed it.
 *
 * @param name the fact's name ({@link FactDefinition#name()})
 * @param value the value in its type's Java form, or null when unknown (no source to read: shown as
 *     unknown, never as a failure)
 * @param source where it was read ({@code repo:<url>@<ref>:target/site/jacoco/jacoco.xml}, {@code
 *     annotation:pagerduty.com/service-id}, {@code pagerduty:/oncalls})
 * @param detail a line a person reads: why it is unknown, or what it is (which image was scanned
 *     and when)
 * @param observedAt when the collector read it
 */
public record Fact(String name, Object value, String source, String detail, Instant observedAt) {

  public static Fact known(String name, Object value, String source, String detail, Instant at) {
    return new Fact(name, value, source, detail, at);
  }

  public static Fact unknown(String name, String why, Instant at) {
    return new Fact(name, null, null, why, at);
  }

  public boolean isKnown() {
    return value != null;
  }
}
