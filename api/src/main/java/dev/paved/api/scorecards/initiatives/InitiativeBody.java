package dev.paved.api.scorecards.initiatives;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * An initiative asked for.
 *
 * @param target a level every entity should hold, or rules every entity should pass (one of them)
 * @param filter Backstage's catalog filter of the entities it is for; empty for every entity the
 *     scorecard grades
 * @param deadline when the target should be met: in the future
 */
record InitiativeBody(
    @NotBlank @Size(max = 200) String title,
    @NotNull @Valid Target target,
    @Size(max = 20) List<@NotBlank @Size(max = 200) String> filter,
    @NotNull Instant deadline) {

  /** A level, or a set of rule ids. */
  record Target(@Size(max = 100) String level, @Size(max = 50) List<@NotBlank String> rules) {}
}
