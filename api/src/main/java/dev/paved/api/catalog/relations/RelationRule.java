package dev.paved.api.catalog.relations;

import dev.paved.api.catalog.Entity;
import java.util.List;

/** Derives one pair of relations (a type and its reverse) from an entity's spec. */
public interface RelationRule {

  /** The relations this rule finds in the entity, both directions of each. */
  List<Relation> derive(Entity entity);
}
