package dev.paved.activities.render;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.ForTag;
import com.hubspot.jinjava.tree.TagNode;
import java.util.AbstractCollection;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Jinjava's {@code for}, spending the render's {@link RenderBudget}: a loop books all its
 * iterations before it starts (nested loops multiply), and each iteration checks the render's
 * deadline, so neither a long loop nor a slow body can keep a thread busy.
 */
final class BoundedForTag extends ForTag {

  @Override
  public String renderForCollection(
      TagNode tagNode, JinjavaInterpreter interpreter, List<String> loopVars, Object collection) {
    RenderBudget budget = RenderBudget.current();
    if (budget == null) {
      throw new IllegalStateException("templates render only through TemplateRenderer");
    }
    Collection<?> items = items(collection, interpreter);
    budget.iterate(items == null ? 1 : items.size());
    return super.renderForCollection(
        tagNode, interpreter, loopVars, items == null ? collection : new Checked<>(items, budget));
  }

  /**
   * The items the loop will go over, as Jinjava's ObjectIterator picks them; null for one value.
   */
  private static Collection<?> items(Object collection, JinjavaInterpreter interpreter) {
    if (collection instanceof Collection<?> c) {
      return c;
    }
    if (collection instanceof Map<?, ?> m) {
      return interpreter.getConfig().getLegacyOverrides().isIterateOverMapKeys()
          ? m.keySet()
          : m.values();
    }
    return null;
  }

  /** A view of the items whose iterator checks the budget before each iteration. */
  private static final class Checked<T> extends AbstractCollection<T> {

    private final Collection<T> items;
    private final RenderBudget budget;

    Checked(Collection<T> items, RenderBudget budget) {
      this.items = items;
      this.budget = budget;
    }

    @Override
    public Iterator<T> iterator() {
      Iterator<T> inner = items.iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return inner.hasNext();
        }

        @Override
        public T next() {
          budget.check();
          return inner.next();
        }
      };
    }

    @Override
    public int size() {
      return items.size();
    }
  }
}
