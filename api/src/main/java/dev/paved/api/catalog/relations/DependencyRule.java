package dev.paved.api.catalog.relations;

import dev.paved.api.catalog.Entity;
import java.util.List;

/**
 * A Component's or Resource's {@code spec.dependsOn} and {@code spec.dependencyOf}: dependsOn /
 * dependencyOf both ways. Their targets have no default kind, so each must name one.
 */
final class DependencyRule implements RelationRule {

  @Override
  public List<Relation> derive(Entity entity) {
    Pairs pairs = new Pairs(entity);
    if (pairs.is("Component") || pairs.is("Resource")) {
      pairs
          .emit("dependsOn", null, RelationTypes.DEPENDS_ON, RelationTypes.DEPENDENCY_OF)
          .emit("dependencyOf", null, RelationTypes.DEPENDENCY_OF, RelationTypes.DEPENDS_ON);
    }
    return pairs.relations();
  }
}
