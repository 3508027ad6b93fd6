package dev.paved.api.scorecards.facts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a report is, as an annotation names it: {@code [<ref>:]<path>}, the path in the entity's
 * repository and, optionally, the branch it is on ({@code paved-reports:coverage/lcov.info}).
 *
 * @param branch the branch, or null for the location's own
 */
record ReportLocation(String branch, String path) {

  private static final Pattern WITH_REF = Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]*):(.+)");

  static ReportLocation parse(String value) {
    String v = value.strip();
    Matcher m = WITH_REF.matcher(v);
    return m.matches()
        ? new ReportLocation(m.group(1), m.group(2).strip())
        : new ReportLocation(null, v);
  }

  @Override
  public String toString() {
    return branch == null ? path : branch + ":" + path;
  }
}
