package dev.paved.api.access;

/**
 * The body of {@code POST /access-requests}.
 *
 * @param service a catalog entity ref, e.g. {@code component:default/checkout} (a bare name means a
 *     component in the default namespace)
 * @param duration ISO-8601, e.g. {@code PT4H}
 * @param breakGlass grant at once, for the on-call group, with a review afterwards
 */
record AccessRequestBody(
    String service,
    String environment,
    String role,
    String reason,
    String duration,
    Boolean breakGlass) {}
