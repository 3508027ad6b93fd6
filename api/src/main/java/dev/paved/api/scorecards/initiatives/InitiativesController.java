package dev.paved.api.scorecards.initiatives;

import dev.paved.api.Items;
import dev.paved.api.identity.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Initiatives: a target for a set of entities by a deadline, and how far they are. */
@Tag(name = "Scorecard initiatives", description = "A target for a set of entities by a deadline")
@RestController
@RequestMapping("/api/v1/scorecards")
class InitiativesController {

  private final Initiatives initiatives;
  private final CurrentUsers users;

  InitiativesController(Initiatives initiatives, CurrentUsers users) {
    this.initiatives = initiatives;
    this.users = users;
  }

  @Operation(summary = "Set an initiative on a scorecard")
  @ApiResponse(
      responseCode = "201",
      description = "created; Location names the initiative",
      content = @Content(schema = @Schema(implementation = InitiativeView.class)))
  @ApiResponse(
      responseCode = "400",
      description =
          "a missing field, a target naming both or neither of level and rules, an unknown level"
              + " or rule, a malformed filter, a deadline in the past")
  @ApiResponse(responseCode = "403", description = "the caller may not set initiatives")
  @ApiResponse(responseCode = "404", description = "no such scorecard")
  @ApiResponse(responseCode = "503", description = "scorecards are not evaluated here")
  @PostMapping("/{id}/initiatives")
  ResponseEntity<InitiativeView> create(
      @PathVariable String id, @Valid @RequestBody InitiativeBody body) {
    InitiativeView view = initiatives.create(users.current(), id, body);
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/v1/scorecards/initiatives/" + view.id()))
        .body(view);
  }

  @Operation(summary = "List a scorecard's initiatives, newest first, each with where it stands")
  @ApiResponse(
      responseCode = "200",
      description = "the initiatives (progress only on each one's own page)")
  @ApiResponse(responseCode = "404", description = "no such scorecard")
  @ApiResponse(responseCode = "503", description = "scorecards are not evaluated here")
  @GetMapping("/{id}/initiatives")
  Items<InitiativeView> list(@PathVariable String id) {
    return new Items<>(initiatives.list(id));
  }

  @Operation(summary = "Read an initiative and its progress, one point per day")
  @ApiResponse(responseCode = "200", description = "the initiative")
  @ApiResponse(responseCode = "404", description = "no such initiative")
  @ApiResponse(responseCode = "503", description = "scorecards are not evaluated here")
  @GetMapping("/initiatives/{initiativeId}")
  InitiativeView get(@PathVariable String initiativeId) {
    return initiatives.find(initiativeId);
  }
}
