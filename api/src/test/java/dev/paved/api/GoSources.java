package dev.paved.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Static checks of a Go module that need no Go toolchain (there is none where Paved's tests run):
 * the go.mod header, every import either standard library or under a required module, gofmt's
 * layout rules that rendering could break (tab indentation, no trailing blanks, final newline), and
 * balanced brackets outside strings and comments.
 */
final class GoSources {

  private static final Pattern MODULE = Pattern.compile("(?m)^module (\\S+)$");
  private static final Pattern REQUIRE =
      Pattern.compile("(?m)^\\s+(\\S+) v\\d+\\.\\d+\\.\\d+\\S*$");
  private static final Pattern IMPORT_BLOCK = Pattern.compile("(?s)\\nimport \\((.*?)\\n\\)");
  private static final Pattern IMPORT_PATH = Pattern.compile("\"([^\"]+)\"");

  private GoSources() {}

  static List<String> problems(Path module, String expectedModule) throws IOException {
    List<String> problems = new ArrayList<>();
    String goMod = Files.readString(module.resolve("go.mod"));
    Matcher name = MODULE.matcher(goMod);
    if (!name.find() || !name.group(1).equals(expectedModule)) {
      problems.add("go.mod: module is not " + expectedModule);
    }
    if (!goMod.contains("\ngo 1.")) {
      problems.add("go.mod: no go directive");
    }
    List<String> required = new ArrayList<>();
    Matcher require = REQUIRE.matcher(goMod);
    while (require.find()) {
      required.add(require.group(1));
    }
    List<Path> sources;
    try (Stream<Path> files = Files.list(module)) {
      sources = files.filter(f -> f.toString().endsWith(".go")).sorted().toList();
    }
    if (sources.isEmpty()) {
      problems.add("no .go files");
    }
    for (Path source : sources) {
      String file = source.getFileName().toString();
      String text = Files.readString(source);
      if (!text.matches("(?s)(//[^\\n]*\\n)*package main\\n.*")) {
        problems.add(file + ": does not start with 'package main'");
      }
      if (!text.endsWith("\n") || text.endsWith("\n\n")) {
        problems.add(file + ": must end with exactly one newline");
      }
      String[] lines = text.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].matches("^ +\\S.*") || lines[i].matches(".*[ \\t]+$")) {
          problems.add(
              file + ":" + (i + 1) + ": not gofmt layout (space indent or trailing blank)");
        }
      }
      Matcher block = IMPORT_BLOCK.matcher(text);
      if (block.find()) {
        Matcher path = IMPORT_PATH.matcher(block.group(1));
        while (path.find()) {
          String imported = path.group(1);
          boolean standard = !imported.split("/")[0].contains(".");
          if (!standard
              && required.stream()
                  .noneMatch(m -> imported.equals(m) || imported.startsWith(m + "/"))) {
            problems.add(file + ": imports " + imported + ", which no go.mod requirement provides");
          }
        }
      }
      String unbalanced = unbalanced(text);
      if (unbalanced != null) {
        problems.add(file + ": " + unbalanced);
      }
    }
    return problems;
  }

  /** The first bracket problem outside strings, runes and comments, or null. */
  private static String unbalanced(String text) {
    StringBuilder open = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
        i = text.indexOf('\n', i);
        if (i < 0) {
          break;
        }
      } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
        i = text.indexOf("*/", i) + 1;
      } else if (c == '"' || c == '\'' || c == '`') {
        i = endOfLiteral(text, i, c);
      } else if ("({[".indexOf(c) >= 0) {
        open.append(c);
      } else if (")}]".indexOf(c) >= 0) {
        char expected = "({[".charAt(")}]".indexOf(c));
        if (open.isEmpty() || open.charAt(open.length() - 1) != expected) {
          return "unbalanced '" + c + "' at offset " + i;
        }
        open.setLength(open.length() - 1);
      }
    }
    return open.isEmpty() ? null : "unclosed '" + open + "'";
  }

  private static int endOfLiteral(String text, int start, char quote) {
    for (int i = start + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && quote != '`') {
        i++;
      } else if (c == quote) {
        return i;
      }
    }
    return text.length();
  }
}
