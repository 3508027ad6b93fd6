package dev.paved.api.catalog.relations;

import dev.paved.api.catalog.EntityRef;

/** One directed relation: {@code source type target}, e.g. {@code component:x ownedBy group:y}. */
public record Relation(EntityRef source, String type, EntityRef target) {}
