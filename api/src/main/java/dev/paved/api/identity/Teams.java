package dev.paved.api.identity;

import dev.paved.workflows.approval.Groups;

/** Team names as the catalog and the forms write them. */
public final class Teams {

  private Teams() {}

  /**
   * {@code group:default/team-payments}, {@code default/team-payments} and {@code team-payments}
   * all name team-payments.
   */
  public static String name(String ref) {
    return Groups.name(ref); // the workflows name approver groups the same way
  }
}
