package dev.paved.api.catalog.relations;

import dev.paved.api.catalog.Entity;
import java.util.List;

/** A Component's {@code spec.consumesApis}: consumesApi / apiConsumedBy. */
final class ConsumesApiRule implements RelationRule {

  @Override
  public List<Relation> derive(Entity entity) {
    Pairs pairs = new Pairs(entity);
    if (pairs.is("Component")) {
      pairs.emit("consumesApis", "API", RelationTypes.CONSUMES_API, RelationTypes.API_CONSUMED_BY);
    }
    return pairs.relations();
  }
}
