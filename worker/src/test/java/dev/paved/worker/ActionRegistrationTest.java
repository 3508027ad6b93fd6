package dev.paved.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.activities.actions.ActionContext;
import dev.paved.activities.actions.ActionDeclaration;
import dev.paved.activities.actions.Actions;
import dev.paved.activities.support.Workspaces;
import io.temporal.common.metadata.POJOActivityImplMetadata;
import io.temporal.common.metadata.POJOActivityMethodMetadata;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Links each action's activity type names to the methods a golden-path worker registers, in both
 * directions: a typo in a declaration, or an activity no action names, fails here and not when a
 * run reaches the step.
 */
class ActionRegistrationTest {

  /** Paved's own activities on the golden-path queue, which no template calls. */
  private static final Set<String> BOOKKEEPING =
      Set.of("RenderStep", "RenderEach", "RenderOutput", "DeleteWorkspace");

  @TempDir Path dir;

  @Test
  void everyActionNamesRegisteredActivitiesAndEveryActivityIsAnActionsOrPavedsOwn() {
    Set<String> registered = registeredTypes();
    Set<String> named = new HashSet<>();
    for (ActionDeclaration action : Actions.ALL) {
      Stream.of(action.activityType(), action.undoActivityType())
          .filter(type -> type != null)
          .forEach(
              type -> {
                named.add(type);
                assertThat(registered).as(action.id() + " names " + type).contains(type);
              });
    }
    assertThat(registered).containsAll(BOOKKEEPING);
    Set<String> unnamed = new HashSet<>(registered);
    unnamed.removeAll(named);
    unnamed.removeAll(BOOKKEEPING);
    assertThat(unnamed).as("registered activities no action names").isEmpty();
  }

  @Test
  void registersEachImplementationClassOnce() {
    List<Object> activities = GoldenPathWorkerConfiguration.activities(context(), null);
    assertThat(activities.stream().map(Object::getClass)).doesNotHaveDuplicates();
  }

  private Set<String> registeredTypes() {
    Set<String> types = new HashSet<>();
    for (Object activities : GoldenPathWorkerConfiguration.activities(context(), null)) {
      for (POJOActivityMethodMetadata method :
          POJOActivityImplMetadata.newInstance(activities.getClass()).getActivityMethods()) {
        types.add(method.getActivityTypeName());
      }
    }
    return types;
  }

  private ActionContext context() {
    return new ActionContext(new Workspaces(dir), null, null, null, null, null, null, null);
  }
}
