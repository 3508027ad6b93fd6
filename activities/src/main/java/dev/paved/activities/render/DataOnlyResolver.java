package dev.paved.activities.render;

import com.hubspot.jinjava.el.TypeConvertingMapELResolver;
import com.hubspot.jinjava.el.ext.JinjavaBeanELResolver;
import com.hubspot.jinjava.el.ext.JinjavaListELResolver;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.util.ForLoop;
import java.beans.FeatureDescriptor;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;
import jinjava.javax.el.MethodNotFoundException;
import jinjava.javax.el.PropertyNotWritableException;

/**
 * Lets expressions read data only: keys of maps, items of lists and the {@code loop} of a for tag.
 * Jinjava's default resolver calls any public Java method on any value; here the only calls allowed
 * are Jinjava's own filters and tests, which is how {@code | filter} and {@code is test} run.
 */
final class DataOnlyResolver extends ELResolver {

  private final ELResolver lists = new JinjavaListELResolver(true);
  private final ELResolver maps = new TypeConvertingMapELResolver(true);
  private final ELResolver beans = new JinjavaBeanELResolver(true);

  private ELResolver reader(Object base) {
    if (base instanceof List) {
      return lists;
    }
    if (base instanceof Map) {
      return maps;
    }
    if (base instanceof ForLoop || base instanceof Filter || base instanceof ExpTest) {
      return beans; // loop.index, loop.first, ...; a filter's own lookup when it is called
    }
    return null;
  }

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    ELResolver reader = reader(base);
    return reader == null ? null : reader.getValue(context, base, property);
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    ELResolver reader = reader(base);
    return reader == null ? null : reader.getType(context, base, property);
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    ELResolver reader = reader(base);
    return reader == null ? null : reader.getCommonPropertyType(context, base);
  }

  @Override
  public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
    return Collections.emptyIterator();
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    return true;
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    throw new PropertyNotWritableException("template values are read-only");
  }

  @Override
  public Object invoke(
      ELContext context, Object base, Object method, Class<?>[] types, Object[] params) {
    if (base instanceof Filter || base instanceof ExpTest) {
      return beans.invoke(context, base, method, types, params);
    }
    throw new MethodNotFoundException(
        "method calls are not allowed in templates: '" + method + "()' (use a filter)");
  }
}
