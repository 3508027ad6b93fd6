package dev.paved.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

/** A page's cursor: opaque to a client, read back exactly, and refused when made up. */
class CursorTest {

  @Test
  void aCursorReadsBackAsItWasWrittenAndNoneIsTheFirstPage() {
    Cursor cursor = new Cursor(Instant.parse("2026-11-28T10:00:00.123456Z"), "r-0a|b");

    assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
    assertThat(cursor.encode()).doesNotContain("r-0a").matches("[A-Za-z0-9_-]+");
    assertThat(Cursor.decode(null)).isNull();
    assertThat(Cursor.decode("")).isNull();
  }

  @Test
  void aMadeUpCursorIsABadRequest() {
    for (String cursor : List.of("nonsense", "!!", encoded("no bar"), encoded("x|r-1"))) {
      ErrorResponseException refused =
          catchThrowableOfType(ErrorResponseException.class, () -> Cursor.decode(cursor));
      assertThat(refused.getStatusCode().value()).as(cursor).isEqualTo(400);
    }
  }

  @Test
  void aPageSaysWhereTheNextStartsOnlyWhenThereIsMore() {
    List<Integer> rows = List.of(1, 2, 3);
    Items<String> full = Items.page(rows, 2, n -> new Cursor(Instant.EPOCH, "k" + n), n -> "#" + n);
    Items<String> last = Items.page(rows, 3, n -> new Cursor(Instant.EPOCH, "k" + n), n -> "#" + n);

    assertThat(full.items()).containsExactly("#1", "#2");
    assertThat(Cursor.decode(full.nextCursor()).key()).isEqualTo("k2");
    assertThat(last.items()).containsExactly("#1", "#2", "#3");
    assertThat(last.nextCursor()).isNull();
  }

  private static String encoded(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(UTF_8));
  }
}
