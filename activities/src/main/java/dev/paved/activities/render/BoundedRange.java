package dev.paved.activities.render;

import com.hubspot.jinjava.lib.fn.Functions;
import java.util.List;

/**
 * Jinjava's {@code range()}, refusing a range longer than the limit where Jinjava would silently
 * cut it short (a template that asked for a million items should fail, not render a thousand).
 */
public final class BoundedRange {

  private BoundedRange() {}

  /** {@code range(end)}, {@code range(start, end)} or {@code range(start, end, step)}. */
  public static List<Integer> range(Object arg1, Object... args) {
    RenderBudget budget = RenderBudget.current();
    if (budget != null) {
      double start = 0;
      double end = number(arg1);
      double step = 1;
      if (args != null && args.length > 0) {
        start = end;
        end = number(args[0]);
        step = args.length > 1 ? number(args[1]) : 1;
      }
      double count = step == 0 || Double.isNaN(start + end + step) ? 0 : (end - start) / step;
      if (count > budget.limits().rangeSize()) {
        budget.refuse(
            "range() would give "
                + (long) Math.ceil(count)
                + " numbers, more than "
                + budget.limits().rangeSize());
      }
    }
    return Functions.range(arg1, args);
  }

  private static double number(Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(String.valueOf(value));
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
