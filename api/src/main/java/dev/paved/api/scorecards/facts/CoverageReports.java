package dev.paved.api.scorecards.facts;

import java.util.Locale;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The line coverage of a report, in the format its content shows: JaCoCo XML (the report-level
 * {@code LINE} counter), Cobertura XML (the root's {@code line-rate}) or lcov (the sums of {@code
 * LF} and {@code LH}).
 */
final class CoverageReports {

  /**
   * A report's line coverage.
   *
   * @param percent 0 to 100
   * @param format {@code jacoco}, {@code cobertura} or {@code lcov}
   * @param covered lines covered (or -1 when the report gives only a rate)
   * @param total lines counted (or -1)
   */
  record Coverage(double percent, String format, long covered, long total) {}

  /** A file that is not a coverage report this reads, or one that counts no lines. */
  static final class NotAReport extends Exception {
    NotAReport(String message) {
      super(message);
    }
  }

  private CoverageReports() {}

  static Coverage parse(String text) throws NotAReport {
    String head = text.stripLeading();
    if (head.startsWith("<")) {
      return xml(text);
    }
    return lcov(text);
  }

  private static Coverage xml(String text) throws NotAReport {
    try {
      XMLStreamReader xml = SafeXml.open(text);
      int depth = 0;
      String root = null;
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          depth++;
          String name = xml.getLocalName();
          if (depth == 1) {
            root = name;
            if (name.equals("coverage")) {
              return cobertura(xml);
            }
            if (!name.equals("report")) {
              throw new NotAReport("an XML file with root <" + name + ">, not JaCoCo or Cobertura");
            }
          } else if (depth == 2 && name.equals("counter")) {
            if ("LINE".equals(xml.getAttributeValue(null, "type"))) {
              long missed = number(xml.getAttributeValue(null, "missed"), "missed");
              long covered = number(xml.getAttributeValue(null, "covered"), "covered");
              return counted("jacoco", covered, missed + covered);
            }
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
        }
      }
      throw new NotAReport(
          root == null
              ? "an empty XML file"
              : "a JaCoCo report without a report-level LINE counter");
    } catch (XMLStreamException e) {
      throw new NotAReport("not well-formed XML: " + e.getMessage());
    }
  }

  private static Coverage cobertura(XMLStreamReader xml) throws NotAReport {
    String rate = xml.getAttributeValue(null, "line-rate");
    if (rate == null) {
      throw new NotAReport("a Cobertura report without line-rate");
    }
    double value;
    try {
      value = Double.parseDouble(rate);
    } catch (NumberFormatException e) {
      throw new NotAReport("a Cobertura line-rate that is not a number: " + rate);
    }
    if (!(value >= 0 && value <= 1)) {
      throw new NotAReport("a Cobertura line-rate outside 0 to 1: " + rate);
    }
    long valid = optionalNumber(xml.getAttributeValue(null, "lines-valid"));
    long covered = optionalNumber(xml.getAttributeValue(null, "lines-covered"));
    return new Coverage(value * 100, "cobertura", covered, valid);
  }

  private static Coverage lcov(String text) throws NotAReport {
    long found = 0;
    long hit = 0;
    boolean records = false;
    int lineNo = 0;
    for (String line : text.split("\\R")) {
      lineNo++;
      String l = line.strip();
      if (l.startsWith("SF:")) {
        records = true;
      } else if (l.startsWith("LF:")) {
        found += lcovNumber(l, lineNo);
      } else if (l.startsWith("LH:")) {
        hit += lcovNumber(l, lineNo);
      }
    }
    if (!records) {
      throw new NotAReport("neither XML nor an lcov tracefile (no SF: record)");
    }
    if (hit > found) {
      throw new NotAReport("an lcov tracefile with more lines hit (" + hit + ") than found");
    }
    return counted("lcov", hit, found);
  }

  private static long lcovNumber(String line, int lineNo) throws NotAReport {
    try {
      long n = Long.parseLong(line.substring(3).strip());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new NotAReport("lcov line " + lineNo + " is not a count: " + line);
    }
  }

  private static Coverage counted(String format, long covered, long total) throws NotAReport {
    if (total <= 0) {
      throw new NotAReport("a " + format + " report that counts no lines");
    }
    return new Coverage(covered * 100.0 / total, format, covered, total);
  }

  private static long number(String value, String what) throws NotAReport {
    try {
      long n = Long.parseLong(value);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new NotAReport("a LINE counter whose " + what + " is not a count: " + value);
    }
  }

  private static long optionalNumber(String value) {
    try {
      return value == null ? -1 : Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static String describe(Coverage c) {
    return c.total() >= 0 && c.covered() >= 0
        ? String.format(Locale.ROOT, "%.1f%% of %d lines (%s)", c.percent(), c.total(), c.format())
        : String.format(Locale.ROOT, "%.1f%% of lines (%s)", c.percent(), c.format());
  }
}
