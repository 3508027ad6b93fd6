package dev.paved.api.catalog.relations;

import dev.paved.api.catalog.Entity;
import dev.paved.api.catalog.EntityRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Emits relation pairs as Backstage does: for each target named by a spec field (a string or a list
 * of them), {@code self outgoing target} and {@code target incoming self}; the target's namespace
 * defaults to the entity's own.
 */
final class Pairs {

  private final Entity entity;
  private final EntityRef self;
  private final List<Relation> relations = new ArrayList<>();

  Pairs(Entity entity) {
    this.entity = entity;
    this.self = entity.entityRef();
  }

  boolean is(String kind) {
    return entity.kind().equals(kind);
  }

  /** {@code defaultKind} null: the target must name its kind (Backstage's dependsOn rule). */
  Pairs emit(String field, String defaultKind, String outgoing, String incoming) {
    Object value = spec().get(field);
    List<?> targets =
        value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
    for (Object target : targets) {
      if (target == null) {
        continue;
      }
      EntityRef ref = EntityRef.parse(String.valueOf(target), defaultKind, self.namespace());
      relations.add(new Relation(self, outgoing, ref));
      relations.add(new Relation(ref, incoming, self));
    }
    return this;
  }

  List<Relation> relations() {
    return relations;
  }

  private Map<?, ?> spec() {
    return entity.body().get("spec") instanceof Map<?, ?> spec ? spec : Map.of();
  }
}
