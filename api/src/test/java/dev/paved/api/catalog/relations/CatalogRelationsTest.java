package dev.paved.api.catalog.relations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.api.catalog.Entity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each relation rule derives its pair as Backstage's built-in kinds processor does. */
class CatalogRelationsTest {

  private static Entity entity(String kind, String namespace, Map<String, Object> spec) {
    return new Entity(
        Map.of(
            "apiVersion",
            "backstage.io/v1alpha1",
            "kind",
            kind,
            "metadata",
            Map.of("name", "x", "namespace", namespace),
            "spec",
            spec));
  }

  private static List<String> lines(List<Relation> relations) {
    return relations.stream().map(r -> r.source() + " " + r.type() + " " + r.target()).toList();
  }

  @Test
  void ownerDefaultsToAGroupInTheEntitysNamespace() {
    var relations =
        new OwnershipRule().derive(entity("Component", "payments", Map.of("owner", "Team-A")));
    assertThat(lines(relations))
        .containsExactly(
            "component:payments/x ownedBy group:payments/team-a",
            "group:payments/team-a ownerOf component:payments/x");
    assertThat(
            lines(
                new OwnershipRule().derive(entity("API", "default", Map.of("owner", "user:bob")))))
        .contains("api:default/x ownedBy user:default/bob");
    assertThat(new OwnershipRule().derive(entity("User", "default", Map.of("owner", "g"))))
        .isEmpty();
  }

  @Test
  void partOfComesFromSystemSubcomponentDomainAndSubdomain() {
    assertThat(
            lines(
                new PartOfRule()
                    .derive(
                        entity(
                            "Component",
                            "default",
                            Map.of("system", "shop", "subcomponentOf", "web")))))
        .containsExactly(
            "component:default/x partOf system:default/shop",
            "system:default/shop hasPart component:default/x",
            "component:default/x partOf component:default/web",
            "component:default/web hasPart component:default/x");
    assertThat(
            lines(new PartOfRule().derive(entity("System", "default", Map.of("domain", "retail")))))
        .containsExactly(
            "system:default/x partOf domain:default/retail",
            "domain:default/retail hasPart system:default/x");
    assertThat(
            lines(
                new PartOfRule().derive(entity("Domain", "default", Map.of("subdomainOf", "all")))))
        .contains("domain:default/x partOf domain:default/all");
  }

  @Test
  void apisProvidedAndConsumed() {
    Entity component =
        entity(
            "Component",
            "default",
            Map.of("providesApis", List.of("orders"), "consumesApis", List.of("other/pay")));
    assertThat(lines(new ProvidesApiRule().derive(component)))
        .containsExactly(
            "component:default/x providesApi api:default/orders",
            "api:default/orders apiProvidedBy component:default/x");
    assertThat(lines(new ConsumesApiRule().derive(component)))
        .containsExactly(
            "component:default/x consumesApi api:other/pay",
            "api:other/pay apiConsumedBy component:default/x");
  }

  @Test
  void dependenciesGoBothWaysAndMustNameTheirKind() {
    Entity resource =
        entity(
            "Resource",
            "default",
            Map.of("dependsOn", List.of("resource:db"), "dependencyOf", List.of("component:web")));
    assertThat(lines(new DependencyRule().derive(resource)))
        .containsExactly(
            "resource:default/x dependsOn resource:default/db",
            "resource:default/db dependencyOf resource:default/x",
            "resource:default/x dependencyOf component:default/web",
            "component:default/web dependsOn resource:default/x");
    assertThatThrownBy(
            () ->
                new DependencyRule()
                    .derive(entity("Component", "default", Map.of("dependsOn", List.of("db")))))
        .hasMessageContaining("no kind");
  }

  @Test
  void membershipFromUsersAndGroups() {
    assertThat(
            lines(
                new MembershipRule()
                    .derive(entity("User", "default", Map.of("memberOf", List.of("team-a"))))))
        .containsExactly(
            "user:default/x memberOf group:default/team-a",
            "group:default/team-a hasMember user:default/x");
    assertThat(
            lines(
                new MembershipRule()
                    .derive(entity("Group", "default", Map.of("members", List.of("alice"))))))
        .containsExactly(
            "group:default/x hasMember user:default/alice",
            "user:default/alice memberOf group:default/x");
  }

  @Test
  void groupHierarchy() {
    assertThat(
            lines(
                new GroupHierarchyRule()
                    .derive(
                        entity(
                            "Group",
                            "default",
                            Map.of("parent", "eng", "children", List.of("team-a"))))))
        .containsExactly(
            "group:default/x childOf group:default/eng",
            "group:default/eng parentOf group:default/x",
            "group:default/x parentOf group:default/team-a",
            "group:default/team-a childOf group:default/x");
  }

  @Test
  void theDeriverAppliesEveryRuleOnce() {
    Entity component =
        entity(
            "Component",
            "default",
            Map.of("owner", "team-a", "system", "shop", "providesApis", List.of("orders")));
    assertThat(new RelationDeriver().derive(component)).hasSize(6);
    assertThat(RelationTypes.canonical("OWNEDBY")).isEqualTo("ownedBy");
  }
}
