package dev.paved.activities.render;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.objects.SafeString;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A filter that spends the render's {@link RenderBudget}: it checks the deadline before it runs,
 * refuses arguments that would make a string or a list too large before anything is allocated
 * ({@code center(1000000000)}, a {@code replace} of every character), and checks what it gave.
 */
final class GuardedFilter implements Filter {

  /** Filters whose number arguments are widths of the string they make. */
  private static final Set<String> WIDTH_ARGUMENTS = Set.of("center", "indent", "wordwrap");

  /** Filters whose number arguments are counts of the lists they make. */
  private static final Set<String> COUNT_ARGUMENTS = Set.of("slice", "batch");

  /** A width or precision in a printf-style format ({@code %1000000000s}). */
  private static final Pattern FORMAT_WIDTH = Pattern.compile("%[^a-zA-Z%]*?(\\d{1,19})");

  private final Filter filter;

  GuardedFilter(Filter filter) {
    this.filter = filter;
  }

  @Override
  public String getName() {
    return filter.getName();
  }

  @Override
  public boolean preserveSafeString() {
    return filter.preserveSafeString();
  }

  @Override
  public Object filter(
      Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
    RenderBudget budget = before(var, args, kwargs);
    return after(budget, filter.filter(var, interpreter, args, kwargs));
  }

  @Override
  public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
    RenderBudget budget = before(var, args, Map.of());
    return after(budget, filter.filter(var, interpreter, args));
  }

  @Override
  public Object filter(SafeString var, JinjavaInterpreter interpreter, String... args) {
    RenderBudget budget = before(var, args, Map.of());
    return after(budget, filter.filter(var, interpreter, args));
  }

  private RenderBudget before(Object var, Object[] args, Map<String, Object> kwargs) {
    RenderBudget budget = RenderBudget.current();
    if (budget == null) {
      throw new IllegalStateException("templates render only through TemplateRenderer");
    }
    budget.check();
    List<Object> all = new ArrayList<>();
    if (args != null) {
      all.addAll(List.of(args));
    }
    if (kwargs != null) {
      all.addAll(kwargs.values());
    }
    String name = getName();
    for (Object arg : all) {
      if (WIDTH_ARGUMENTS.contains(name)) {
        budget.checkString(number(arg), "'" + name + "'");
      } else if (COUNT_ARGUMENTS.contains(name)) {
        budget.checkCollection(number(arg), "'" + name + "'");
      }
    }
    switch (name) {
      case "format" -> checkFormat(budget, var);
      case "replace" -> checkReplace(budget, var, all);
      case "join" -> checkJoin(budget, var, all);
      default -> {}
    }
    return budget;
  }

  private static Object after(RenderBudget budget, Object result) {
    if (result instanceof CharSequence text) {
      budget.checkString(text.length(), "a filter");
    } else if (result instanceof Collection<?> items) {
      budget.checkCollection(items.size(), "a filter's list");
    } else if (result instanceof Map<?, ?> map) {
      budget.checkCollection(map.size(), "a filter's object");
    }
    return result;
  }

  private static void checkFormat(RenderBudget budget, Object format) {
    Matcher width = FORMAT_WIDTH.matcher(String.valueOf(format));
    while (width.find()) {
      budget.checkString(number(width.group(1)), "'format'");
    }
  }

  /** {@code s | replace(old, new)} makes at most as many copies of new as old occurs in s. */
  private static void checkReplace(RenderBudget budget, Object var, List<Object> args) {
    if (var == null || args.size() < 2) {
      return;
    }
    String text = var.toString();
    String old = String.valueOf(args.get(0));
    long added = String.valueOf(args.get(1)).length() - (long) old.length();
    if (added <= 0) {
      return;
    }
    long occurrences = old.isEmpty() ? text.length() + 1L : count(text, old);
    budget.checkString(text.length() + occurrences * added, "'replace'");
  }

  private static void checkJoin(RenderBudget budget, Object var, List<Object> args) {
    if (!(var instanceof Collection<?> items)) {
      return;
    }
    long separator = args.isEmpty() ? 0 : String.valueOf(args.get(0)).length();
    long length = separator * items.size();
    for (Object item : items) {
      length += item == null ? 0 : String.valueOf(item).length();
    }
    budget.checkString(length, "'join'");
  }

  private static long count(String text, String part) {
    long count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      count++;
    }
    return count;
  }

  /** The number an argument stands for, or 0 when it is not one (the filter will say so). */
  private static long number(Object arg) {
    if (arg instanceof Number n) {
      return (long) Math.min(Long.MAX_VALUE, Math.abs(n.doubleValue()));
    }
    try {
      return (long) Math.min(Long.MAX_VALUE, Math.abs(Double.parseDouble(String.valueOf(arg))));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
