package dev.paved.api.identity;

import java.util.Locale;

/** Team names as the catalog and the forms write them. */
public final class Teams {

  private Teams() {}

  /**
   * {@code group:default/team-payments}, {@code default/team-payments} and {@code team-payments}
   * all name team-payments.
   */
  public static String name(String ref) {
    String name = ref.contains("/") ? ref.substring(ref.lastIndexOf('/') + 1) : ref;
    name = name.contains(":") ? name.substring(name.indexOf(':') + 1) : name;
    return name.toLowerCase(Locale.ROOT);
  }
}
