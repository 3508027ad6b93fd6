package dev.paved.activities.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMeta;

/** The labels and mark every object Paved writes must carry. */
final class ManifestAssertions {

  private ManifestAssertions() {}

  static void assertPavedLabels(ObjectMeta metadata, String name, String owner) {
    assertThat(metadata.getLabels())
        .containsEntry("app.kubernetes.io/name", name)
        .containsEntry("app.kubernetes.io/managed-by", "paved")
        .containsEntry("backstage.io/kubernetes-id", name)
        .containsEntry("paved.dev/owner", owner);
    assertThat(metadata.getAnnotations())
        .containsEntry("paved.dev/service-key", owner + "/" + name);
  }
}
