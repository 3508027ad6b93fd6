package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What an answer's detail may repeat of the caller's input. */
class ProblemsTest {

  @Test
  void aLongQuotedEchoIsCutAndTheRestOfTheDetailKept() {
    String detail = Problems.detail("no template named '" + "t".repeat(1_000_000) + "'");

    assertThat(detail).isEqualTo("no template named '" + "t".repeat(80) + "…'");
  }

  @Test
  void aShortEchoIsKeptAsItIs() {
    assertThat(Problems.detail("no run with id 'r-1234'")).isEqualTo("no run with id 'r-1234'");
  }

  @Test
  void javaClassNamesAreNotShownButPackagesLikeNamesAre() {
    assertThat(
            Problems.detail(
                "Cannot deserialize value of type `java.lang.String` from"
                    + " tools.jackson.databind.exc.MismatchedInputException"))
        .doesNotContain("java.lang", "tools.jackson", "String`")
        .contains("a value");
    assertThat(Problems.detail("package 'com.acme.orders' is taken"))
        .isEqualTo("package 'com.acme.orders' is taken");
  }

  @Test
  void controlCharactersAreNotRepeatedAndTheWholeDetailIsBounded() {
    assertThat(Problems.echo("fz-nl\n\u0000x")).isEqualTo("fz-nl??x");
    assertThat(Problems.echo("a\u202Eb")).isEqualTo("a?b");
    assertThat(Problems.echo("t".repeat(79) + "\uD83D\uDE00")).isEqualTo("t".repeat(79) + "…");
    assertThat(Problems.detail("x ".repeat(5_000))).hasSize(1001).endsWith("…");
  }
}
