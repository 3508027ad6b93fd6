package dev.paved.activities.render;

import java.util.List;
import java.util.Map;

/**
 * {@code | pick('owner')}: one property of an object; a dotted path reads deeper, like lodash get.
 */
final class PickFilter extends TemplateFilter {

  PickFilter() {
    super("pick");
  }

  @Override
  Object apply(Object input, Object[] args) {
    if (args.length == 0 || args[0] == null) {
      throw new IllegalArgumentException("pick needs the name of a property, e.g. pick('owner')");
    }
    Object value = input;
    for (String key : args[0].toString().split("\\.")) {
      if (value instanceof Map<?, ?> map) {
        value = map.get(key);
      } else if (value instanceof List<?> list && key.matches("\\d+")) {
        int index = Integer.parseInt(key);
        value = index < list.size() ? list.get(index) : null;
      } else {
        return null;
      }
    }
    return value;
  }
}
