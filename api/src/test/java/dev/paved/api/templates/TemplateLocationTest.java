package dev.paved.api.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateLocationTest {

  private final Path cache = Path.of("/data/template-sources");

  @Test
  void foldersAsPathsOrFileUrls() {
    assertThat(TemplateLocation.parse("/srv/templates", cache))
        .isEqualTo(new TemplateSource.Folder(Path.of("/srv/templates")));
    assertThat(TemplateLocation.parse(" file:/srv/templates ", cache))
        .isEqualTo(new TemplateSource.Folder(Path.of("/srv/templates")));
  }

  @Test
  void gitWithRefAndPathOrWithout() {
    TemplateSource full =
        TemplateLocation.parse("git+https://git.example.com/p/golden.git#v2.1:paths/golden", cache);
    assertThat(full).isInstanceOf(GitTemplateSource.class);
    assertThat(full.describe())
        .isEqualTo("git+https://git.example.com/p/golden.git#v2.1:paths/golden");
    assertThat(TemplateLocation.parse("git+file:///srv/golden.git", cache))
        .isInstanceOf(GitTemplateSource.class);
    assertThat(TemplateLocation.parse("git+file:///srv/golden.git#main", cache))
        .isInstanceOf(GitTemplateSource.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "git+",
        "git+golden.git#main",
        "git+https://h/x.git#ma in",
        "git+https://h/x.git#main:../etc",
        "git+https://h/x.git#a..b",
        "git+https://h/x.git#main:a/../../b"
      })
  void refusesWhatItCannotRead(String entry) {
    assertThatThrownBy(() -> TemplateLocation.parse(entry, cache))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
