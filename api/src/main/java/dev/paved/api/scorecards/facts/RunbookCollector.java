package dev.paved.api.scorecards.facts;

import dev.paved.api.catalog.EntityFiles;
import dev.paved.api.scorecards.Fact;
import dev.paved.api.scorecards.FactCollector;
import dev.paved.api.scorecards.FactDefinition;
import dev.paved.api.scorecards.FactType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * {@code readme_has_runbook}: a {@code metadata.links} entry titled Runbook, or a Markdown heading
 * matching "runbook" in the README beside the entity's {@code catalog-info.yaml}.
 */
@Component
class RunbookCollector implements FactCollector {

  static final String FACT = "readme_has_runbook";
  private static final Pattern RUNBOOK = Pattern.compile("(?i)\\brun[ -]?books?\\b");
  private static final List<String> READMES = List.of("README.md", "readme.md", "Readme.md");

  private final EntityFiles files;
  private final Clock clock;

  RunbookCollector(EntityFiles files, Clock clock) {
    this.files = files;
    this.clock = clock;
  }

  @Override
  public String id() {
    return "runbook";
  }

  @Override
  public List<FactDefinition> facts() {
    return List.of(
        new FactDefinition(
            FACT,
            FactType.BOOL,
            "The README has a runbook section, or the entity links its runbook"));
  }

  @Override
  public List<Fact> collect(String entityRef, Map<String, Object> entity) {
    Instant now = clock.instant();
    for (Object link : EntityFields.list(EntityFields.metadata(entity).get("links"))) {
      if (EntityFields.map(link).get("title") instanceof String title
          && RUNBOOK.matcher(title).find()) {
        return List.of(
            Fact.known(
                FACT,
                true,
                "entity:metadata.links",
                "linked: " + EntityFields.map(link).get("url"),
                now));
      }
    }
    Optional<EntityFiles.File> readme = Optional.empty();
    for (String name : READMES) {
      readme = files.read(entityRef, null, name);
      if (readme.isPresent()) {
        break;
      }
    }
    if (readme.isEmpty()) {
      return List.of(
          Fact.unknown(FACT, "no README.md beside catalog-info.yaml, and no Runbook link", now));
    }
    Optional<String> heading =
        MarkdownHeadings.of(readme.get().text()).stream()
            .filter(h -> RUNBOOK.matcher(h).find())
            .findFirst();
    return List.of(
        Fact.known(
            FACT,
            heading.isPresent(),
            readme.get().source(),
            heading.map(h -> "heading \"" + h + "\"").orElse("no heading matching \"runbook\""),
            now));
  }
}
