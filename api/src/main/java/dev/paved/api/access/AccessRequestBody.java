package dev.paved.api.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /access-requests}; its shape is checked here, what policy allows by
 * {@link AccessPolicy}.
 *
 * @param service a catalog entity ref, e.g. {@code component:default/checkout} (a bare name means a
 *     component in the default namespace)
 * @param duration ISO-8601, e.g. {@code PT4H}
 * @param breakGlass grant at once, for the on-call group, with a review afterwards
 */
record AccessRequestBody(
    @NotBlank @Size(max = 200) String service,
    @NotBlank
        @Pattern(
            regexp = "[a-z0-9][a-z0-9-]{0,62}",
            message = "must be lower-case letters, digits and '-'")
        String environment,
    @NotBlank @Size(max = 63) String role,
    @NotBlank @Size(max = AccessPolicy.MAX_REASON) String reason,
    @NotBlank @Size(max = 32) String duration,
    Boolean breakGlass) {}
