package dev.paved.api.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/actions.md is generated from the declarations: this fails when it differs from them. To
 * write it again: {@code mvn -B -q -pl api -am test -Dtest=ActionsReferenceTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dpaved.docs.write=true}.
 */
class ActionsReferenceTest {

  private static final Path PAGE = Path.of("../docs/actions.md");

  @Test
  void theActionsReferenceIsTheDeclarationsRendered() throws IOException {
    String page = Files.readString(PAGE);
    String rendered = ActionsReference.render(page, ActionRegistry.ALL);
    if (Boolean.getBoolean("paved.docs.write")) {
      Files.writeString(PAGE, rendered);
      page = rendered;
    }
    assertThat(page)
        .as(
            "docs/actions.md differs from the action declarations; write it again with"
                + " -Dtest=ActionsReferenceTest -Dpaved.docs.write=true")
        .isEqualTo(rendered);
  }
}
