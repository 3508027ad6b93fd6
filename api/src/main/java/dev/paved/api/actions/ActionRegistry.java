package dev.paved.api.actions;

import dev.paved.activities.actions.ActionDeclaration;
import dev.paved.activities.actions.Actions;
import dev.paved.api.actions.catalog.register.CatalogRegisterAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every action Paved runs: the workers' ({@link Actions}) and the API's own, in the order the
 * actions reference lists them. Templates, dry runs, the actions reference and {@code GET
 * /api/v1/actions} all read this one list.
 */
public final class ActionRegistry {

  public static final List<ActionDeclaration> ALL = all();

  private ActionRegistry() {}

  public static Optional<ActionDeclaration> find(String id) {
    return ALL.stream().filter(action -> action.id().equals(id)).findFirst();
  }

  public static List<String> ids() {
    return ALL.stream().map(ActionDeclaration::id).toList();
  }

  private static List<ActionDeclaration> all() {
    List<ActionDeclaration> all = new ArrayList<>(Actions.ALL);
    int pullRequest = ids(all).indexOf("publish:github:pull-request");
    all.add(pullRequest + 1, new CatalogRegisterAction());
    return List.copyOf(all);
  }

  private static List<String> ids(List<ActionDeclaration> actions) {
    return actions.stream().map(ActionDeclaration::id).toList();
  }
}
