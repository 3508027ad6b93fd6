package dev.paved.api.scorecards;

import dev.paved.api.Problems;
import dev.paved.api.catalog.CatalogEntities;
import dev.paved.api.scorecards.ScorecardViews.EvaluateRequest;
import dev.paved.api.scorecards.ScorecardViews.Evaluated;
import dev.paved.api.scorecards.ScorecardViews.ScorecardList;
import dev.paved.api.scorecards.ScorecardViews.ScorecardView;
import dev.paved.api.scorecards.ScorecardViews.Summary;
import dev.paved.api.scorecards.ScorecardViews.Trend;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Scorecards: their rules, the fleet's grades, trends, the auditors' CSV; evaluation on demand. */
@Tag(name = "Scorecards", description = "Entities graded against the platform's standards")
@RestController
@RequestMapping("/api/v1/scorecards")
class ScorecardController {

  static final int MAX_LIMIT = 500;
  static final int MAX_DAYS = 365;

  private final ScorecardRegistry registry;
  private final ScoreReports reports;
  private final ScoreEvaluator evaluator;
  private final Clock clock;

  ScorecardController(
      ScorecardRegistry registry,
      ScoreReports reports,
      ScoreEvaluator evaluator,
      ObjectProvider<Clock> clock) {
    this.registry = registry;
    this.reports = reports;
    this.evaluator = evaluator;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  @Operation(summary = "List the scorecards and their rules, and the files refused with why")
  @GetMapping
  ScorecardList list() {
    return new ScorecardList(
        registry.all().stream().map(ScorecardView::of).toList(), registry.refused());
  }

  @Operation(summary = "Read a scorecard and its rules")
  @ApiResponse(responseCode = "200", description = "the scorecard")
  @ApiResponse(responseCode = "404", description = "no scorecard of this id")
  @GetMapping("/{id}")
  ScorecardView get(@PathVariable String id) {
    return ScorecardView.of(scorecard(id));
  }

  @Operation(summary = "The fleet's (or a team's) latest grades: level counts, rules, entities")
  @ApiResponse(responseCode = "200", description = "the summary, with a page of entities")
  @ApiResponse(responseCode = "400", description = "a bad limit or cursor")
  @ApiResponse(responseCode = "404", description = "no scorecard of this id")
  @GetMapping("/{id}/summary")
  Summary summary(
      @PathVariable String id,
      @Parameter(description = "only entities of this owner (team-a or group:default/team-a)")
          @RequestParam(required = false)
          String owner,
      @Parameter(description = "entities per page, 1 to 500") @RequestParam(defaultValue = "100")
          int limit,
      @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false)
          String cursor) {
    Scorecard scorecard = scorecard(id);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw Problems.invalid("limit must be 1 to " + MAX_LIMIT, Map.of("limit", limit));
    }
    return reports.summary(scorecard, owner(owner), limit, cursor);
  }

  @Operation(summary = "Daily points of a scorecard: entities per level and pass rates")
  @ApiResponse(responseCode = "200", description = "one point per day with an evaluation")
  @ApiResponse(responseCode = "400", description = "days out of 1 to 365")
  @ApiResponse(responseCode = "404", description = "no scorecard of this id")
  @GetMapping("/{id}/trend")
  Trend trend(
      @PathVariable String id,
      @Parameter(description = "only entities of this owner") @RequestParam(required = false)
          String owner,
      @Parameter(description = "how many days back, today included: 1 to 365")
          @RequestParam(defaultValue = "90")
          int days) {
    Scorecard scorecard = scorecard(id);
    if (days < 1 || days > MAX_DAYS) {
      throw Problems.invalid("days must be 1 to " + MAX_DAYS, Map.of("days", days));
    }
    return reports.trend(scorecard, owner(owner), days, clock.instant());
  }

  @Operation(summary = "Every entity's latest result per rule, as CSV for auditors")
  @ApiResponse(
      responseCode = "200",
      description = "one row per entity and rule",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  @ApiResponse(responseCode = "404", description = "no scorecard of this id")
  // no produces: an error must still be answered as problem+json
  @GetMapping("/{id}/results.csv")
  void csv(
      @PathVariable String id,
      @Parameter(description = "only entities of this owner") @RequestParam(required = false)
          String owner,
      HttpServletResponse response)
      throws IOException {
    Scorecard scorecard = scorecard(id);
    String ownerRef = owner(owner);
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"" + scorecard.id() + "-results.csv\"");
    reports.csv(
        scorecard,
        ownerRef,
        new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
  }

  @Operation(summary = "Evaluate a scorecard now, for every entity or one")
  @ApiResponse(responseCode = "202", description = "evaluated: how many entities")
  @ApiResponse(responseCode = "400", description = "a malformed entity ref")
  @ApiResponse(
      responseCode = "404",
      description = "no scorecard of this id, or it does not select the entity")
  @PostMapping("/{id}/evaluate")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Evaluated evaluate(
      @PathVariable String id, @RequestBody(required = false) EvaluateRequest request) {
    Scorecard scorecard = scorecard(id);
    String entity = request == null ? null : request.entity();
    if (entity == null || entity.isBlank()) {
      return new Evaluated(scorecard.id(), evaluator.evaluate(scorecard));
    }
    if (!entity.matches("[^:/\\s]+:[^:/\\s]+/[^:/\\s]+") || entity.length() > 400) {
      throw Problems.invalid(
          "entity must be a full ref, kind:namespace/name", Map.of("entity", entity));
    }
    evaluator
        .evaluate(scorecard, entity)
        .orElseThrow(
            () -> Problems.notFound("scorecard '" + id + "' does not select entity " + entity));
    return new Evaluated(scorecard.id(), 1);
  }

  private Scorecard scorecard(String id) {
    return registry.find(id).orElseThrow(() -> Problems.notFound("no scorecard '" + id + "'"));
  }

  /** The owner as kept (a full group ref), {@code ''} for {@code none}, null for all. */
  static String owner(String owner) {
    if (owner == null || owner.isBlank()) {
      return null;
    }
    if (owner.equals("none")) {
      return "";
    }
    return CatalogEntities.ownerRef(owner.trim()).toLowerCase(java.util.Locale.ROOT);
  }
}
