package dev.paved.activities.catalogfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.paved.activities.support.Workspaces;
import dev.paved.workflows.steps.ActionRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogFileActivitiesImplTest {

  @TempDir Path dir;

  private static final Map<String, Object> ENTITY =
      Map.of(
          "apiVersion",
          "backstage.io/v1alpha1",
          "kind",
          "Component",
          "metadata",
          Map.of("name", "checkout", "tags", List.of("java")),
          "spec",
          Map.of("type", "service", "owner", "group:default/team-payments", "port", "8080"));

  private Workspaces workspaces;
  private CatalogFileActivitiesImpl catalog;

  @BeforeEach
  void setUp() {
    workspaces = new Workspaces(dir.resolve("workspaces"));
    catalog = new CatalogFileActivitiesImpl(workspaces);
  }

  private void write(Map<String, Object> input) {
    catalog.catalogWrite(
        new ActionRequest("run-1", "team/checkout", "w", "catalog:write", input, "/t", "alice"));
  }

  @Test
  void writesTheEntityAsYamlToCatalogInfoByDefault() throws IOException {
    write(Map.of("entity", ENTITY));
    write(Map.of("entity", ENTITY, "filePath", "services/checkout/catalog-info.yaml"));

    Path file = workspaces.forRun("run-1").resolve("catalog-info.yaml");
    Object read = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Object.class);
    assertThat(read).isEqualTo(ENTITY);
    assertThat(workspaces.forRun("run-1").resolve("services/checkout/catalog-info.yaml"))
        .hasSameTextualContentAs(file);
  }

  @Test
  void refusesAPathOutsideTheWorkspaceAndAMissingEntity() {
    assertThatThrownBy(() -> write(Map.of("entity", ENTITY, "filePath", "../catalog-info.yaml")))
        .hasMessageContaining("leaves the workspace");
    assertThatThrownBy(() -> write(Map.of("entity", ENTITY, "filePath", "/tmp/x.yaml")))
        .hasMessageContaining("relative");
    assertThatThrownBy(() -> write(Map.of())).hasMessageContaining("'entity' is required");
    assertThat(dir.resolve("workspaces/catalog-info.yaml")).doesNotExist();
  }
}
