package dev.paved.activities.render;

import com.hubspot.jinjava.interpret.InterpretException;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.ForTag;
import com.hubspot.jinjava.tree.TagNode;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Jinjava's {@code for}, with a budget of iterations per render (nested loops multiply): a template
 * cannot keep a worker's thread busy for ever, which Jinjava itself does not prevent.
 */
final class BoundedForTag extends ForTag {

  static final int MAX_ITERATIONS = 100_000;

  /** The render's running count, kept in the render's own top-level context. */
  private static final String BUDGET = "__paved_loop_iterations__";

  @Override
  public String renderForCollection(
      TagNode tagNode, JinjavaInterpreter interpreter, List<String> loopVars, Object collection) {
    var top = interpreter.getContext();
    while (top.getParent() != null && top.getParent().getParent() != null) {
      top = top.getParent();
    }
    long spent = top.get(BUDGET) instanceof Long count ? count : 0L;
    long total = spent + size(collection);
    if (total > MAX_ITERATIONS) {
      throw new InterpretException(
          "loops ran more than " + MAX_ITERATIONS + " iterations in one render",
          tagNode.getLineNumber());
    }
    top.put(BUDGET, total);
    return super.renderForCollection(tagNode, interpreter, loopVars, collection);
  }

  private static long size(Object collection) {
    if (collection instanceof Collection<?> c) {
      return c.size();
    }
    if (collection instanceof Map<?, ?> m) {
      return m.size();
    }
    return 1;
  }
}
