package dev.paved.api.templates;

import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

/** The JSON Schema validator templates' forms and actions' inputs are checked with. */
final class Draft07 {

  /**
   * Draft 07, with keywords it does not know accepted quietly instead of a warning on every load:
   * those Backstage's form reads and validation does not ({@code enumNames}, ...), and Paved's own
   * ({@code x-paved-*}), read by Paved, not by the validator.
   */
  static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V7,
          builder ->
              builder.metaSchema(
                  JsonMetaSchema.builder(JsonMetaSchema.getV7())
                      .unknownKeywordFactory(
                          (keyword, context) -> new NonValidationKeyword(keyword))
                      .build()));

  /**
   * The validator's own defaults (those {@code getSchema(node)} uses), with patterns read as
   * ECMA-262 reads them, as Backstage's form does ({@link EcmaPattern}).
   */
  @SuppressWarnings("deprecation") // the public constructor is the only way to those defaults
  static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder(new SchemaValidatorsConfig())
          .regularExpressionFactory(EcmaRegularExpressionFactory.INSTANCE)
          .build();

  private Draft07() {}
}
