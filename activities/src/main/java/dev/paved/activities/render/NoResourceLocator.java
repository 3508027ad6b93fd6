package dev.paved.activities.render;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.loader.ResourceLocator;
import java.io.IOException;
import java.nio.charset.Charset;

/** Refuses every template lookup, so no tag can read a file or a classpath resource. */
final class NoResourceLocator implements ResourceLocator {

  @Override
  public String getString(String fullName, Charset encoding, JinjavaInterpreter interpreter)
      throws IOException {
    throw new IOException("templates cannot read other files: " + fullName);
  }
}
