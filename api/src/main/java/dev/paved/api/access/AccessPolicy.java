package dev.paved.api.access;

import dev.paved.api.Problems;
import dev.paved.api.catalog.CatalogDirectory;
import dev.paved.api.identity.CurrentUser;
import dev.paved.api.identity.CurrentUsers;
import dev.paved.api.identity.Teams;
import dev.paved.workflows.access.AccessInput;
import dev.paved.workflows.approval.ApprovalRule;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Turns a request body (its shape checked by Bean Validation, {@link AccessRequestBody}) into the
 * workflow's frozen input, or refuses it before anything starts: 400 for a malformed service ref or
 * duration, 422 for one the policy does not allow (and why), 403 for break-glass outside the
 * on-call group. A duration shorter than {@code paved.access.min-duration} is refused as one longer
 * than the role's maximum is.
 */
@Component
class AccessPolicy {

  private static final Pattern REF =
      Pattern.compile(
          "(?:([a-z0-9-]{1,63}):)?(?:([a-z0-9._-]{1,63})/)?([a-z0-9][a-z0-9._-]{0,62})");
  static final int MAX_REASON = 1000;

  private final AccessProperties properties;
  private final CatalogDirectory catalog;
  private final CurrentUsers users;

  AccessPolicy(AccessProperties properties, CatalogDirectory catalog, CurrentUsers users) {
    this.properties = properties;
    this.catalog = catalog;
    this.users = users;
  }

  AccessInput check(String requestId, CurrentUser requester, AccessRequestBody body) {
    var ref = REF.matcher(body.service().toLowerCase(Locale.ROOT));
    if (!ref.matches()) {
      throw Problems.invalid(
          "service must be an entity ref such as component:default/checkout", Map.of());
    }
    String kind = ref.group(1) == null ? "component" : ref.group(1);
    String namespace = ref.group(2) == null ? "default" : ref.group(2);
    String service = kind + ":" + namespace + "/" + ref.group(3);
    String environment = body.environment();
    String role = body.role();
    AccessProperties.RolePolicy policy = properties.policies().get(role);
    if (policy == null) {
      throw Problems.invalid(
          "unknown role '" + role + "'",
          Map.of("allowed", List.copyOf(properties.policies().keySet())));
    }
    String reason = body.reason().strip();
    Duration duration = duration(body.duration());
    if (duration.compareTo(properties.minDuration()) < 0) {
      throw Problems.refused(
          "access lasts at least " + properties.minDuration() + ", not " + duration,
          Map.of("minDuration", properties.minDuration().toString()));
    }
    if (duration.compareTo(policy.maxDuration()) > 0) {
      throw Problems.refused(
          role + " access may last at most " + policy.maxDuration() + ", not " + duration,
          Map.of("maxDuration", policy.maxDuration().toString()));
    }
    String owner =
        catalog
            .ownerOf(kind, namespace, ref.group(3))
            .orElseThrow(
                () ->
                    Problems.refused(
                        catalog.exists(kind, namespace, ref.group(3))
                            ? service + " has no owner in the catalog: nobody could approve"
                            : service + " is not in the catalog: access is for catalog services",
                        Map.of("service", service)));
    boolean breakGlass = Boolean.TRUE.equals(body.breakGlass());
    String onCall = Teams.name(properties.onCallGroup());
    if (breakGlass && !requester.inGroup(onCall)) {
      throw Problems.forbidden("break-glass access is for the on-call group (" + onCall + ")");
    }
    List<String> approvers = new ArrayList<>(List.of(owner));
    String sre = Teams.name(properties.sreGroup());
    if (!approvers.contains(sre)) {
      approvers.add(sre);
    }
    return new AccessInput(
        requestId,
        service,
        environment,
        role,
        reason,
        duration,
        requester.name(),
        breakGlass,
        owner,
        new ApprovalRule(approvers, policy.quorum()),
        properties.pendingTimeout(),
        properties.reviewWindow(),
        users.platformGroup());
  }

  private static Duration duration(String value) {
    try {
      Duration duration = Duration.parse(value);
      if (duration.isNegative() || duration.isZero()) {
        throw Problems.invalid("duration must be positive", Map.of());
      }
      return duration;
    } catch (DateTimeParseException e) {
      throw Problems.invalid("duration must be ISO-8601, such as PT4H", Map.of());
    }
  }
}
