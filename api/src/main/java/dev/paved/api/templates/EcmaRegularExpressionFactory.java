package dev.paved.api.templates;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;

/**
 * Gives the JSON Schema validator {@link EcmaPattern}s: {@code pattern}, {@code patternProperties}
 * and {@code format: regex} read as ECMA-262 reads them, as Backstage's form does, without a
 * JavaScript engine or a second regular expression library on the classpath.
 */
final class EcmaRegularExpressionFactory implements RegularExpressionFactory {

  static final EcmaRegularExpressionFactory INSTANCE = new EcmaRegularExpressionFactory();

  private EcmaRegularExpressionFactory() {}

  @Override
  public RegularExpression getRegularExpression(String regex) {
    EcmaPattern pattern = EcmaPattern.compile(regex);
    return pattern::find;
  }
}
