package dev.paved.api.templates;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A JSON Schema {@code pattern} read as ECMA-262 reads it (no flags), as Backstage's form checks
 * it, translated to {@link java.util.regex}. Where the two differ, the translation keeps ECMA's
 * meaning: {@code $} is the end of the input only (Java's also matches before a final newline, so
 * {@code ^[a-z-]+$} took {@code "abc\n"}), {@code .} and {@code \s} are ECMA's sets, a {@code [} or
 * {@code &&} in a class is literal, an escaped letter ECMA does not know is the letter; Java-only
 * syntax (possessive quantifiers, inline flags, atomic groups) is refused as ECMA-262 refuses it.
 * Matching stops after {@link #MATCH_TIME_NANOS}: a backtracking pattern written by a template
 * author cannot hold a request thread, and a value it cannot decide in time does not match.
 */
final class EcmaPattern {

  static final long MATCH_TIME_NANOS = 100_000_000L;

  private static final String SPACES =
      "\\s\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF";

  private final Pattern pattern;

  private EcmaPattern(Pattern pattern) {
    this.pattern = pattern;
  }

  /** The pattern; IllegalArgumentException when ECMA-262 would refuse it too. */
  static EcmaPattern compile(String ecma) {
    try {
      return new EcmaPattern(Pattern.compile(translate(ecma)));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("not a valid pattern: " + ecma, e);
    }
  }

  /** Whether the pattern matches somewhere in {@code value}, as ECMA's {@code RegExp.test}. */
  boolean find(String value) {
    try {
      return pattern.matcher(new Timed(value, System.nanoTime() + MATCH_TIME_NANOS)).find();
    } catch (TooSlow e) {
      return false;
    }
  }

  /** The Java pattern that matches as {@code ecma} does. */
  static String translate(String ecma) {
    StringBuilder out = new StringBuilder();
    boolean inClass = false;
    int quantified = 0; // 1 just after a quantifier, 2 after its lazy '?'
    int i = 0;
    while (i < ecma.length()) {
      char c = ecma.charAt(i);
      if (c == '\\') {
        i = escape(ecma, i + 1, inClass, out);
        quantified = 0;
        continue;
      }
      if (inClass) {
        if (c == ']') {
          inClass = false;
        } else if (c == '[' || c == '&') {
          out.append('\\');
        }
        out.append(c);
        i++;
        continue;
      }
      int next = i + 1;
      switch (c) {
        case '[' -> {
          if (ecma.startsWith("[]", i)) {
            out.append("(?!)");
            next = i + 2;
          } else if (ecma.startsWith("[^]", i)) {
            out.append("[\\s\\S]");
            next = i + 3;
          } else {
            inClass = true;
            out.append('[');
            if (ecma.startsWith("[^", i)) {
              out.append('^');
              next = i + 2;
            }
          }
        }
        case '$' -> out.append("\\z");
        case '.' -> out.append("[^\\n\\r\\u2028\\u2029]");
        case '(' -> next = group(ecma, i, out);
        case '{', '*', '+', '?' -> {
          int end = c == '{' ? quantifierEnd(ecma, i) : next;
          if (end < 0) {
            out.append("\\{"); // not a quantifier: ECMA reads a literal brace
          } else if (quantified == 1 && c == '?') {
            out.append('?');
            quantified = 2;
            i = end;
            continue;
          } else if (quantified != 0) {
            throw new IllegalArgumentException("nothing to repeat at " + i + " in " + ecma);
          } else {
            out.append(ecma, i, end);
            quantified = 1;
            i = end;
            continue;
          }
        }
        case '}' -> out.append("\\}");
        default -> out.append(c);
      }
      quantified = 0;
      i = next;
    }
    if (inClass) {
      throw new IllegalArgumentException("unterminated character class in " + ecma);
    }
    return out.toString();
  }

  /** Copies an escape starting after its backslash; returns the index after it. */
  private static int escape(String ecma, int at, boolean inClass, StringBuilder out) {
    if (at >= ecma.length()) {
      throw new IllegalArgumentException("\\ at end of pattern: " + ecma);
    }
    char e = ecma.charAt(at);
    int next = at + 1;
    switch (e) {
      case 'd', 'D', 'w', 'W', 'f', 'n', 'r', 't' -> out.append('\\').append(e);
      case 's' -> out.append(inClass ? SPACES : "[" + SPACES + "]");
      case 'S' -> out.append("[^" + SPACES + "]");
      case 'b' -> out.append(inClass ? "\\x08" : "\\b");
      case 'B' -> out.append(inClass ? "B" : "\\B");
      case 'v' -> out.append("\\x0B");
      case '0' -> {
        if (next < ecma.length() && Character.isDigit(ecma.charAt(next))) {
          throw new IllegalArgumentException("octal escapes are not supported: " + ecma);
        }
        out.append("\\x00");
      }
      case 'c' -> {
        if (next < ecma.length() && isAsciiLetter(ecma.charAt(next))) {
          out.append("\\c").append(ecma.charAt(next));
          next++;
        } else {
          out.append("\\\\c");
        }
      }
      case 'x' -> next = hex(ecma, next, 2, "\\x", 'x', out);
      case 'u' -> next = hex(ecma, next, 4, "\\u", 'u', out);
      case 'k' -> {
        int close = ecma.indexOf('>', next);
        if (ecma.startsWith("<", next) && close > next + 1) {
          out.append("\\k").append(ecma, next, close + 1);
          next = close + 1;
        } else {
          out.append('k');
        }
      }
      default -> {
        if (Character.isDigit(e)) {
          out.append('\\').append(e); // a back reference
        } else if (isAsciiLetter(e)) {
          out.append(e); // ECMA reads an unknown escaped letter as the letter itself
        } else {
          out.append('\\').append(e);
        }
      }
    }
    return next;
  }

  private static int hex(
      String ecma, int at, int digits, String prefix, char letter, StringBuilder out) {
    if (at + digits <= ecma.length() && ecma.substring(at, at + digits).matches("[0-9a-fA-F]+")) {
      out.append(prefix).append(ecma, at, at + digits);
      return at + digits;
    }
    out.append(letter);
    return at;
  }

  /** Copies a group's opening, refusing the kinds ECMA-262 has not; returns the index after it. */
  private static int group(String ecma, int at, StringBuilder out) {
    if (!ecma.startsWith("(?", at)) {
      out.append('(');
      return at + 1;
    }
    for (String kind : new String[] {"(?:", "(?=", "(?!", "(?<=", "(?<!"}) {
      if (ecma.startsWith(kind, at)) {
        out.append(kind);
        return at + kind.length();
      }
    }
    int close = ecma.indexOf('>', at);
    if (ecma.startsWith("(?<", at)
        && close > at + 3
        && ecma.substring(at + 3, close).matches("[A-Za-z][A-Za-z0-9]*")) {
      out.append(ecma, at, close + 1);
      return close + 1;
    }
    throw new IllegalArgumentException(
        "group syntax ECMA-262 does not have at " + at + ": " + ecma);
  }

  /**
   * The index after a {@code {n}}, {@code {n,}} or {@code {n,m}} quantifier at {@code at}, or -1.
   */
  private static int quantifierEnd(String ecma, int at) {
    int close = ecma.indexOf('}', at);
    return close > at && ecma.substring(at + 1, close).matches("\\d+(,\\d*)?") ? close + 1 : -1;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** A value that stops the matcher once its time is up (checked every 1024 reads). */
  private static final class Timed implements CharSequence {

    private final String value;
    private final long deadline;
    private int reads;

    Timed(String value, long deadline) {
      this.value = value;
      this.deadline = deadline;
    }

    @Override
    public int length() {
      return value.length();
    }

    @Override
    public char charAt(int index) {
      if ((++reads & 0x3FF) == 0 && System.nanoTime() - deadline > 0) {
        throw new TooSlow();
      }
      return value.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Timed(value.substring(start, end), deadline);
    }

    @Override
    public String toString() {
      return value;
    }
  }

  private static final class TooSlow extends RuntimeException {
    TooSlow() {
      super("pattern took too long", null, false, false);
    }
  }
}
