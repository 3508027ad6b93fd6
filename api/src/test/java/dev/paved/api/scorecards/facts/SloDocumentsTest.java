package dev.paved.api.scorecards.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** OpenAPI operations, and the operations OpenSLO and Sloth files name. */
class SloDocumentsTest {

  @Test
  void everyOperationOfEveryPathWithItsOperationId() throws Exception {
    List<SloDocuments.Operation> ops = SloDocuments.operations(Resources.text("slo/openapi.yaml"));
    assertThat(ops)
        .containsExactly(
            new SloDocuments.Operation("GET /payments", "listPayments"),
            new SloDocuments.Operation("POST /payments", "createPayment"),
            new SloDocuments.Operation("GET /payments/{id}", "getPayment"),
            new SloDocuments.Operation("DELETE /payments/{id}", null));
  }

  @Test
  void jsonDefinitionsAreReadToo() throws Exception {
    assertThat(
            SloDocuments.operations(
                "{\"openapi\":\"3.1.0\",\"paths\":{\"/health\":{\"get\":{\"operationId\":\"h\"}}}}"))
        .containsExactly(new SloDocuments.Operation("GET /health", "h"));
  }

  @Test
  void openSloNamesByAnnotationAcrossDocumentsAndSlothByLabel() throws Exception {
    Set<String> openslo = SloDocuments.covered(Resources.text("slo/openslo.yaml"));
    assertThat(openslo).containsExactly("GET /payments", "getPayment");
    Set<String> sloth = SloDocuments.covered(Resources.text("slo/sloth.yaml"));
    assertThat(sloth).containsExactly("POST /payments");

    List<SloDocuments.Operation> ops = SloDocuments.operations(Resources.text("slo/openapi.yaml"));
    Set<String> all = new java.util.HashSet<>(openslo);
    all.addAll(sloth);
    assertThat(ops.stream().filter(op -> !SloDocuments.covers(all, op)))
        .extracting(SloDocuments.Operation::key)
        .containsExactly("DELETE /payments/{id}");
  }

  @Test
  void brokenFilesAreRefused() {
    assertThatThrownBy(() -> SloDocuments.covered(Resources.text("slo/broken.yaml")))
        .hasMessageStartingWith("not YAML");
    assertThatThrownBy(() -> SloDocuments.operations("asyncapi: 2.6.0\nchannels: {}\n"))
        .hasMessageContaining("not an OpenAPI definition");
    assertThatThrownBy(() -> SloDocuments.covered("version: prometheus/v1\nservice: x\n"))
        .hasMessageContaining("without a list of slos");
  }
}
