package dev.paved.api.templates;

import java.util.List;

/** Finds what would fail when a template's expressions render: syntax errors, unknown filters. */
@FunctionalInterface
public interface ExpressionChecker {

  /**
   * The problems in every expression inside {@code value} (a string, map or list), each starting
   * with {@code where} and the field's path; empty if none.
   */
  List<String> problems(Object value, String where);
}
