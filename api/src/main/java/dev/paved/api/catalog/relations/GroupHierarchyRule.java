package dev.paved.api.catalog.relations;

import dev.paved.api.catalog.Entity;
import java.util.List;

/** A Group's {@code spec.parent} and {@code spec.children}: childOf / parentOf. */
final class GroupHierarchyRule implements RelationRule {

  @Override
  public List<Relation> derive(Entity entity) {
    Pairs pairs = new Pairs(entity);
    if (pairs.is("Group")) {
      pairs
          .emit("parent", "Group", RelationTypes.CHILD_OF, RelationTypes.PARENT_OF)
          .emit("children", "Group", RelationTypes.PARENT_OF, RelationTypes.CHILD_OF);
    }
    return pairs.relations();
  }
}
