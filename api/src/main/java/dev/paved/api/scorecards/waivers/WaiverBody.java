package dev.paved.api.scorecards.waivers;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A waiver asked for.
 *
 * @param entity the entity ref, e.g. {@code component:default/ledger}
 * @param rule the id of the scorecard's rule to waive
 * @param reason why, for the approver and the auditors
 * @param expiresAt when it stops counting: in the future, within the configured maximum
 */
record WaiverBody(
    @NotBlank @Size(max = 400) String entity,
    @NotBlank @Size(max = 200) String rule,
    @NotBlank @Size(max = 1000) String reason,
    @NotNull Instant expiresAt) {}
