package dev.paved.api.catalog.relations;

import dev.paved.api.catalog.Entity;
import java.util.List;

/** A User's {@code spec.memberOf} and a Group's {@code spec.members}: memberOf / hasMember. */
final class MembershipRule implements RelationRule {

  @Override
  public List<Relation> derive(Entity entity) {
    Pairs pairs = new Pairs(entity);
    if (pairs.is("User")) {
      pairs.emit("memberOf", "Group", RelationTypes.MEMBER_OF, RelationTypes.HAS_MEMBER);
    }
    if (pairs.is("Group")) {
      pairs.emit("members", "User", RelationTypes.HAS_MEMBER, RelationTypes.MEMBER_OF);
    }
    return pairs.relations();
  }
}
