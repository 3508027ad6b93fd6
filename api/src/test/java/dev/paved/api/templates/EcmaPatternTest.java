package dev.paved.api.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Form patterns read as ECMA-262 (Backstage's form) reads them, not as java.util.regex does. */
class EcmaPatternTest {

  private static boolean test(String pattern, String value) {
    return EcmaPattern.compile(pattern).find(value);
  }

  @Test
  void dollarIsTheEndOfTheValueNotTheEndOfALine() {
    assertThat(test("^[a-z-]+$", "abc")).isTrue();
    assertThat(test("^[a-z-]+$", "abc\n")).isFalse();
    assertThat(test("^[a-z-]+$", "abc\r\n")).isFalse();
    assertThat(java.util.regex.Pattern.compile("^[a-z-]+$").matcher("abc\n").find())
        .as("what Java's own reading let through")
        .isTrue();
  }

  @Test
  void aFormPatternRefusesATrailingNewline() {
    ParameterSchema schema =
        ParameterSchema.of(
            List.of(
                Map.of(
                    "properties",
                    Map.of("name", Map.of("type", "string", "pattern", "^[a-z][-a-z0-9]*$")))));
    assertThat(schema.validate(Map.of("name", "fz-nl"))).isEmpty();
    assertThat(schema.validate(Map.of("name", "fz-nl\n")))
        .singleElement()
        .satisfies(error -> assertThat(error.field()).isEqualTo("name"));
  }

  @Test
  void patternPropertiesAreReadTheSameWay() {
    ParameterSchema schema =
        ParameterSchema.of(
            List.of(
                Map.of(
                    "properties", Map.of("name", Map.of("type", "string")),
                    "patternProperties", Map.of("^label-[a-z]+$", Map.of("type", "string")))));
    assertThat(schema.undeclared(List.of("label-team"))).isEmpty();
    assertThat(schema.undeclared(List.of("label-team\n"))).hasSize(1);
  }

  @Test
  void ecmaSetsAndLiteralsKeepTheirEcmaMeaning() {
    assertThat(test("^a.b$", "a\u2028b")).isFalse();
    assertThat(test("^\\s$", "\u00A0")).isTrue();
    assertThat(test("^\\S$", "\u00A0")).isFalse();
    assertThat(test("^[a&&b]$", "&")).isTrue(); // no class intersection in ECMA
    assertThat(test("^[[a]$", "[")).isTrue(); // '[' is literal in an ECMA class
    assertThat(test("^a{$", "a{")).isTrue(); // a brace that is no quantifier is literal
    assertThat(test("^\\Aa$", "Aa")).isTrue(); // an unknown escaped letter is the letter
    assertThat(test("^[^]$", "\n")).isTrue();
    assertThat(test("[]", "anything")).isFalse();
    assertThat(test("^(?<word>[a-z]+)-\\k<word>$", "ab-ab")).isTrue();
    assertThat(test("^a+?b{1,2}?$", "aab")).isTrue();
  }

  @Test
  void javaOnlySyntaxIsRefusedAsEcmaRefusesIt() {
    for (String pattern : List.of("a++", "a*+", "(?i)abc", "(?>a)", "[a", "a**", "\\")) {
      assertThatThrownBy(() -> EcmaPattern.compile(pattern))
          .as(pattern)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(
            () ->
                ParameterSchema.of(
                    List.of(
                        Map.of(
                            "properties",
                            Map.of("name", Map.of("type", "string", "pattern", "(?i)abc"))))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBacktrackingPatternGivesUpInsteadOfHoldingTheThread() {
    String value = "a".repeat(40) + "!";
    assertThat(test("^(a+)+$", value)).isFalse();
  }
}
