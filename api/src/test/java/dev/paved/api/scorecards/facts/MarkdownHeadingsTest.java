package dev.paved.api.scorecards.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Markdown headings as CommonMark reads them: ATX, setext, not inside code. */
class MarkdownHeadingsTest {

  @Test
  void atxAndSetextHeadings() {
    String readme =
        """
        Payments
        ========

        The payments service.

        ## Getting started ##

        Operations
        ----------

        ###Not a heading (no space)
        #### Runbook
        """;
    assertThat(MarkdownHeadings.of(readme))
        .containsExactly("Payments", "Getting started", "Operations", "Runbook");
  }

  @Test
  void codeBlocksListsAndThematicBreaksAreNotHeadings() {
    String readme =
        """
        # Payments

        ```markdown
        ## Runbook
        ```

            # indented code

        - a list item
        ---

        ~~~
        Runbook
        =======
        ~~~
        """;
    assertThat(MarkdownHeadings.of(readme)).containsExactly("Payments");
  }
}
