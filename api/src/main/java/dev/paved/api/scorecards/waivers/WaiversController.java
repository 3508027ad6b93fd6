package dev.paved.api.scorecards.waivers;

import dev.paved.api.Items;
import dev.paved.api.approvals.DecisionComments;
import dev.paved.api.identity.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Waivers of scorecard rules: asked by the owning team, decided by the scorecard's approvers. */
@Tag(name = "Scorecard waivers", description = "A rule waived for one entity, until its expiry")
@RestController
@RequestMapping("/api/v1/scorecards")
class WaiversController {

  private final WaiverRequests waivers;
  private final CurrentUsers users;

  WaiversController(WaiverRequests waivers, CurrentUsers users) {
    this.waivers = waivers;
    this.users = users;
  }

  /** The decision as {@code POST .../decision} takes it. */
  record DecisionBody(
      @NotNull Boolean approve, @Size(max = DecisionComments.MAX_LENGTH) String comment) {}

  /** The decision as the approvals inbox sends it ({@code <href>/approval}). */
  record ApprovalBody(
      @NotNull @Pattern(regexp = "approve|reject", message = "must be 'approve' or 'reject'")
          String decision,
      @Size(max = DecisionComments.MAX_LENGTH) String comment) {}

  @Operation(summary = "Ask to waive a scorecard rule for one entity")
  @ApiResponse(
      responseCode = "202",
      description = "started, PENDING until an approver decides; Location names the waiver",
      content = @Content(schema = @Schema(implementation = WaiverView.class)))
  @ApiResponse(
      responseCode = "400",
      description = "a missing field, an unknown rule, an expiry in the past or beyond the maximum")
  @ApiResponse(
      responseCode = "403",
      description = "the caller is neither of the entity's owning team nor of the platform team")
  @ApiResponse(responseCode = "404", description = "no such scorecard, or entity in the catalog")
  @ApiResponse(responseCode = "422", description = "the entity has no owner in the catalog")
  @ApiResponse(responseCode = "503", description = "Temporal did not accept the waiver")
  @PostMapping("/{id}/waivers")
  ResponseEntity<WaiverView> request(@PathVariable String id, @Valid @RequestBody WaiverBody body) {
    WaiverView view = waivers.request(users.current(), id, body);
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/scorecards/waivers/" + view.id()))
        .body(view);
  }

  @Operation(summary = "List a scorecard's waivers, newest first")
  @ApiResponse(responseCode = "200", description = "the waivers")
  @ApiResponse(responseCode = "400", description = "an unknown status or a limit outside 1..500")
  @ApiResponse(responseCode = "404", description = "no such scorecard")
  @GetMapping("/{id}/waivers")
  Items<WaiverView> list(
      @PathVariable String id,
      @Parameter(description = "PENDING, APPROVED, REJECTED or EXPIRED")
          @RequestParam(required = false)
          String status,
      @Parameter(description = "at most this many, 1..500")
          @RequestParam(defaultValue = "100")
          @Min(1)
          @Max(500)
          int limit) {
    return new Items<>(waivers.list(id, status, limit));
  }

  @Operation(summary = "Read a waiver")
  @ApiResponse(responseCode = "200", description = "the waiver")
  @ApiResponse(responseCode = "404", description = "no such waiver")
  @GetMapping("/waivers/{waiverId}")
  WaiverView get(@PathVariable String waiverId) {
    return waivers.find(waiverId);
  }

  @Operation(summary = "Approve or reject a waiver")
  @DecisionAnswers
  @PostMapping("/waivers/{waiverId}/decision")
  WaiverView decide(@PathVariable String waiverId, @Valid @RequestBody DecisionBody body) {
    return waivers.decide(waiverId, users.current(), body.approve(), body.comment());
  }

  @Operation(summary = "Approve or reject a waiver, as the approvals inbox sends it")
  @DecisionAnswers
  @PostMapping("/waivers/{waiverId}/approval")
  WaiverView approval(@PathVariable String waiverId, @Valid @RequestBody ApprovalBody body) {
    return waivers.decide(
        waiverId, users.current(), "approve".equals(body.decision()), body.comment());
  }
}
