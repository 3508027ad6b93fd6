package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The vendored Backstage schemas are really applied: valid entities pass, broken ones do not. */
class BackstageEntitiesTest {

  private static final String COMPONENT =
      """
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: checkout
        annotations:
          github.com/project-slug: team-payments/checkout
      spec:
        type: service
        lifecycle: production
        owner: team-payments
        dependsOn: [resource:default/checkout-db]
      """;

  @Test
  void aValidComponentAndResourcePass() throws Exception {
    String resource =
        """
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Resource
        metadata: {name: checkout-db}
        spec: {type: database, owner: team-payments}
        """;
    assertThat(BackstageEntities.problems(COMPONENT + resource)).isEmpty();
  }

  @Test
  void anEmptyNameFailsTheMetadataSchema() throws Exception {
    assertThat(BackstageEntities.problems(COMPONENT.replace("name: checkout", "name: ''")))
        .anySatisfy(p -> assertThat(p).contains("name"));
  }

  @Test
  void aNameBackstageRejectsFailsItsNameRule() throws Exception {
    assertThat(BackstageEntities.problems(COMPONENT.replace("name: checkout", "name: check out")))
        .singleElement()
        .asString()
        .contains("check out", "name");
    assertThat(
            BackstageEntities.problems(
                COMPONENT.replace("name: checkout", "name: " + "a".repeat(64))))
        .isNotEmpty();
  }

  @Test
  void aMissingOwnerFailsTheKindSchema() throws Exception {
    assertThat(BackstageEntities.problems(COMPONENT.replace("  owner: team-payments\n", "")))
        .anySatisfy(p -> assertThat(p).contains("owner"));
  }

  @Test
  void aMissingApiVersionFailsTheEnvelope() throws Exception {
    assertThat(
            BackstageEntities.problems(
                COMPONENT.replace("apiVersion: backstage.io/v1alpha1\n", "")))
        .anySatisfy(p -> assertThat(p).contains("apiVersion"));
  }

  @Test
  void anUnknownKindIsReported() throws Exception {
    assertThat(BackstageEntities.problems(COMPONENT.replace("kind: Component", "kind: Gadget")))
        .anySatisfy(p -> assertThat(p).contains("Gadget"));
  }
}
