package dev.paved.api.catalog.relations;

import dev.paved.api.catalog.Entity;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every relation rule, applied to an entity: the relations it states, in pairs, without repeats.
 */
public final class RelationDeriver {

  private final List<RelationRule> rules =
      List.of(
          new OwnershipRule(),
          new PartOfRule(),
          new ProvidesApiRule(),
          new ConsumesApiRule(),
          new DependencyRule(),
          new MembershipRule(),
          new GroupHierarchyRule());

  /** IllegalArgumentException when a target is not an entity ref (a dependsOn with no kind). */
  public List<Relation> derive(Entity entity) {
    Set<Relation> relations = new LinkedHashSet<>();
    for (RelationRule rule : rules) {
      relations.addAll(rule.derive(entity));
    }
    return List.copyOf(relations);
  }
}
