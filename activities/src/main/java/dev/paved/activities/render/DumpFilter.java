package dev.paved.activities.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** {@code | dump}: the value as JSON, as nunjucks writes it ({@code dump(2)} indents). */
final class DumpFilter extends TemplateFilter {

  private static final ObjectMapper JSON = new ObjectMapper();

  DumpFilter() {
    super("dump");
  }

  @Override
  Object apply(Object input, Object[] args) {
    try {
      Object data = PlainData.of(input);
      if (args.length > 0 && args[0] != null) {
        return JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(data);
      }
      return JSON.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("dump could not write JSON: " + e.getOriginalMessage());
    }
  }
}
