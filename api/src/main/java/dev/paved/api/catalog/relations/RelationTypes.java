package dev.paved.api.catalog.relations;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Backstage's relation types, spelled as Backstage spells them. */
public final class RelationTypes {

  public static final String OWNED_BY = "ownedBy";
  public static final String OWNER_OF = "ownerOf";
  public static final String PART_OF = "partOf";
  public static final String HAS_PART = "hasPart";
  public static final String PROVIDES_API = "providesApi";
  public static final String API_PROVIDED_BY = "apiProvidedBy";
  public static final String CONSUMES_API = "consumesApi";
  public static final String API_CONSUMED_BY = "apiConsumedBy";
  public static final String DEPENDS_ON = "dependsOn";
  public static final String DEPENDENCY_OF = "dependencyOf";
  public static final String MEMBER_OF = "memberOf";
  public static final String HAS_MEMBER = "hasMember";
  public static final String CHILD_OF = "childOf";
  public static final String PARENT_OF = "parentOf";

  private static final Map<String, String> BY_LOWER =
      List.of(
              OWNED_BY,
              OWNER_OF,
              PART_OF,
              HAS_PART,
              PROVIDES_API,
              API_PROVIDED_BY,
              CONSUMES_API,
              API_CONSUMED_BY,
              DEPENDS_ON,
              DEPENDENCY_OF,
              MEMBER_OF,
              HAS_MEMBER,
              CHILD_OF,
              PARENT_OF)
          .stream()
          .collect(Collectors.toMap(t -> t.toLowerCase(Locale.ROOT), Function.identity()));

  private RelationTypes() {}

  /** The type as Backstage spells it, whatever the case a filter wrote it in. */
  public static String canonical(String type) {
    return BY_LOWER.getOrDefault(type.toLowerCase(Locale.ROOT), type);
  }
}
