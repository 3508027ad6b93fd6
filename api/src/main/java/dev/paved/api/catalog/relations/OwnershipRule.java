package dev.paved.api.catalog.relations;

import dev.paved.api.catalog.Entity;
import java.util.List;
import java.util.Set;

/** {@code spec.owner}: ownedBy / ownerOf, the owner a Group unless it names another kind. */
final class OwnershipRule implements RelationRule {

  private static final Set<String> KINDS =
      Set.of("Component", "API", "Resource", "System", "Domain", "Template");

  @Override
  public List<Relation> derive(Entity entity) {
    Pairs pairs = new Pairs(entity);
    if (KINDS.contains(entity.kind())) {
      pairs.emit("owner", "Group", RelationTypes.OWNED_BY, RelationTypes.OWNER_OF);
    }
    return pairs.relations();
  }
}
