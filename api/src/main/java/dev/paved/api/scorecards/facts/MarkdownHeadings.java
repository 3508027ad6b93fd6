package dev.paved.api.scorecards.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headings of a Markdown document, as CommonMark reads them: ATX ({@code ## Runbook}, closing
 * hashes dropped) and setext (a paragraph line underlined with {@code ===} or {@code ---}); lines
 * inside fenced or indented code blocks are not headings.
 */
final class MarkdownHeadings {

  private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?[ \\t]*$");
  private static final Pattern CLOSING = Pattern.compile("(?:^|[ \\t]+)#+[ \\t]*$");
  private static final Pattern SETEXT = Pattern.compile("^ {0,3}(?:=+|-+)[ \\t]*$");
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
  private static final Pattern BLOCK_START = Pattern.compile("^ {0,3}(?:[>*+-]|\\d+[.)])(?:\\s|$)");

  private MarkdownHeadings() {}

  private static boolean closes(String line, char fenceChar) {
    return line.strip().chars().allMatch(c -> c == fenceChar);
  }

  static List<String> of(String markdown) {
    List<String> headings = new ArrayList<>();
    String fence = null;
    String paragraph = null; // the last line of the paragraph under way, if any
    for (String line : markdown.split("\\R", -1)) {
      Matcher fenceMatch = FENCE.matcher(line);
      if (fence != null) {
        if (fenceMatch.find()
            && fenceMatch.group(1).charAt(0) == fence.charAt(0)
            && fenceMatch.group(1).length() >= fence.length()
            && closes(line, fence.charAt(0))) {
          fence = null;
        }
        continue;
      }
      if (fenceMatch.find()) {
        fence = fenceMatch.group(1);
        paragraph = null;
        continue;
      }
      if (line.isBlank()) {
        paragraph = null;
        continue;
      }
      if (paragraph == null && line.startsWith("    ")) {
        continue; // an indented code block
      }
      Matcher atx = ATX.matcher(line);
      if (atx.matches()) {
        String text = atx.group(2) == null ? "" : CLOSING.matcher(atx.group(2)).replaceFirst("");
        headings.add(text.strip());
        paragraph = null;
        continue;
      }
      if (paragraph != null && SETEXT.matcher(line).matches()) {
        headings.add(paragraph.strip());
        paragraph = null;
        continue;
      }
      paragraph = BLOCK_START.matcher(line).find() && paragraph == null ? null : line;
    }
    return headings;
  }
}
