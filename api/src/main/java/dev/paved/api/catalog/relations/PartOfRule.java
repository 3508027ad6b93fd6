package dev.paved.api.catalog.relations;

import dev.paved.api.catalog.Entity;
import java.util.List;

/**
 * partOf / hasPart: a Component's, API's or Resource's {@code spec.system}, a Component's {@code
 * spec.subcomponentOf}, a System's {@code spec.domain}, a Domain's {@code spec.subdomainOf}.
 */
final class PartOfRule implements RelationRule {

  @Override
  public List<Relation> derive(Entity entity) {
    Pairs pairs = new Pairs(entity);
    if (pairs.is("Component") || pairs.is("API") || pairs.is("Resource")) {
      pairs.emit("system", "System", RelationTypes.PART_OF, RelationTypes.HAS_PART);
    }
    if (pairs.is("Component")) {
      pairs.emit("subcomponentOf", "Component", RelationTypes.PART_OF, RelationTypes.HAS_PART);
    }
    if (pairs.is("System")) {
      pairs.emit("domain", "Domain", RelationTypes.PART_OF, RelationTypes.HAS_PART);
    }
    if (pairs.is("Domain")) {
      pairs.emit("subdomainOf", "Domain", RelationTypes.PART_OF, RelationTypes.HAS_PART);
    }
    return pairs.relations();
  }
}
