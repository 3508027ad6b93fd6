package dev.paved.workflows.approval;

import java.util.Locale;

/** Group names as the catalog, the forms and the sign-in write them. */
public final class Groups {

  private Groups() {}

  /**
   * {@code group:default/team-payments}, {@code default/team-payments} and {@code team-payments}
   * all name team-payments; names are compared in lower case.
   */
  public static String name(String ref) {
    String name = ref.contains("/") ? ref.substring(ref.lastIndexOf('/') + 1) : ref;
    name = name.contains(":") ? name.substring(name.indexOf(':') + 1) : name;
    return name.toLowerCase(Locale.ROOT);
  }

  /** Whether {@code ref} names a user (a {@code user:} entity ref) rather than a group. */
  public static boolean isUserRef(String ref) {
    return ref.toLowerCase(Locale.ROOT).startsWith("user:");
  }
}
