package dev.paved.api.scorecards.initiatives;

import dev.paved.api.Problems;
import dev.paved.api.audit.AuditLog;
import dev.paved.api.catalog.EntityFilter;
import dev.paved.api.identity.CurrentUser;
import dev.paved.api.scorecards.waivers.ScorecardRules;
import dev.paved.workflows.approval.Groups;
import dev.paved.workflows.audit.AuditEntry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates initiatives (after every check that can refuse them) and measures their progress. */
@Service
class Initiatives {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ScorecardRules scorecards;
  private final InitiativeStore store;
  private final InitiativeProperties properties;
  private final AuditLog audit;
  private final Clock clock;

  Initiatives(
      ScorecardRules scorecards,
      InitiativeStore store,
      InitiativeProperties properties,
      AuditLog audit,
      Clock clock) {
    this.scorecards = scorecards;
    this.store = store;
    this.properties = properties;
    this.audit = audit;
    this.clock = clock;
  }

  /** The platform team, or a member of a configured creator group, sets an initiative. */
  @Transactional
  InitiativeView create(CurrentUser creator, String scorecardId, InitiativeBody body) {
    List<String> levels = scorecards.levels(scorecardId);
    boolean creatorGroup =
        creator.inAnyGroup(properties.initiativeCreators().stream().map(Groups::name).toList());
    if (!creator.platform() && !creatorGroup) {
      throw Problems.forbidden("only the platform team may set initiatives");
    }
    String level = blankToNull(body.target().level());
    List<String> rules = body.target().rules() == null ? List.of() : body.target().rules();
    if ((level == null) == rules.isEmpty()) {
      throw Problems.invalid("target names a level or a set of rules, one of them", Map.of());
    }
    if (level != null && !levels.contains(level)) {
      throw Problems.invalid(
          "scorecard " + scorecardId + " has no level '" + level + "'", Map.of("levels", levels));
    }
    scorecards.checkRules(scorecardId, rules);
    List<String> filter = body.filter() == null ? List.of() : List.copyOf(body.filter());
    try {
      EntityFilter.parse(filter);
    } catch (IllegalArgumentException e) {
      throw Problems.invalid(e.getMessage(), Map.of());
    }
    Instant now = clock.instant();
    if (!body.deadline().isAfter(now)) {
      throw Problems.invalid("deadline must be in the future", Map.of("now", now.toString()));
    }
    Initiative initiative =
        new Initiative(
            newId(),
            scorecardId,
            body.title().strip(),
            level,
            List.copyOf(rules),
            filter,
            body.deadline(),
            creator.name(),
            now,
            null,
            null);
    store.insert(initiative);
    audit.append(
        new AuditEntry(
            initiative.id() + "#created",
            now.toEpochMilli(),
            creator.name(),
            "scorecard.initiative.created",
            initiative.subject(),
            Map.of(
                "scorecard", scorecardId,
                "title", initiative.title(),
                "target", initiative.targetText(),
                "deadline", initiative.deadline().toString())));
    return view(initiative, false);
  }

  List<InitiativeView> list(String scorecardId) {
    scorecards.levels(scorecardId);
    return store.list(scorecardId).stream().map(i -> view(i, false)).toList();
  }

  InitiativeView find(String id) {
    Initiative initiative =
        store.find(id).orElseThrow(() -> Problems.notFound("no initiative with id '" + id + "'"));
    return view(initiative, true);
  }

  /** How far the initiative's entities are now, from the latest scores. */
  Measure measure(Initiative initiative) {
    List<String> levels = scorecards.scores().levels(initiative.scorecardId());
    return Measure.of(
        initiative,
        levels,
        scorecards.scores().latest(initiative.scorecardId(), initiative.filter()));
  }

  /** The initiative now: today's point computed live, the days before as they were kept. */
  private InitiativeView view(Initiative i, boolean withProgress) {
    Measure now = measure(i);
    List<InitiativeView.Point> progress = new ArrayList<>();
    if (withProgress) {
      LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
      progress.addAll(store.progressBefore(i.id(), today));
      progress.add(new InitiativeView.Point(today, now.meeting(), now.total()));
    }
    return new InitiativeView(
        i.id(),
        i.scorecardId(),
        i.title(),
        new InitiativeView.Target(i.level(), i.level() == null ? i.rules() : null),
        i.filter(),
        i.deadline(),
        i.createdBy(),
        i.createdAt(),
        now.total(),
        now.meeting(),
        progress);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String newId() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return "i-" + HexFormat.of().formatHex(bytes);
  }
}
