package dev.paved.api.catalog.relations;

import dev.paved.api.catalog.Entity;
import java.util.List;

/** A Component's {@code spec.providesApis}: providesApi / apiProvidedBy. */
final class ProvidesApiRule implements RelationRule {

  @Override
  public List<Relation> derive(Entity entity) {
    Pairs pairs = new Pairs(entity);
    if (pairs.is("Component")) {
      pairs.emit("providesApis", "API", RelationTypes.PROVIDES_API, RelationTypes.API_PROVIDED_BY);
    }
    return pairs.relations();
  }
}
