package dev.paved.api.access;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paved.access.*}: the production-access policy.
 *
 * @param sreGroup approves every request, beside the service's owning team
 * @param onCallGroup may take break-glass access
 * @param pendingTimeout a request nobody decides within this expires
 * @param reviewWindow the owning team acknowledges a break-glass access within this
 * @param roles per role, the approvals needed and the longest duration; a role configured here
 *     replaces the default of that name, and may add new roles
 * @param minDuration the shortest access that may be asked for, whatever the role
 */
@ConfigurationProperties("paved.access")
public record AccessProperties(
    @DefaultValue("sre") String sreGroup,
    @DefaultValue("sre") String onCallGroup,
    @DefaultValue("PT24H") Duration pendingTimeout,
    @DefaultValue("PT24H") Duration reviewWindow,
    Map<String, RolePolicy> roles,
    @DefaultValue("PT5M") Duration minDuration) {

  /** The defaults: read 1 approver up to 8 hours, write 1 up to 4, admin 2 up to 2. */
  static final Map<String, RolePolicy> DEFAULT_ROLES =
      Map.of(
          "read", new RolePolicy(1, Duration.ofHours(8)),
          "write", new RolePolicy(1, Duration.ofHours(4)),
          "admin", new RolePolicy(2, Duration.ofHours(2)));

  /** Merges the configured roles over the defaults; a role without a maximum is refused. */
  public AccessProperties {
    Map<String, RolePolicy> merged = new LinkedHashMap<>(DEFAULT_ROLES);
    if (roles != null) {
      roles.forEach(
          (name, given) -> {
            RolePolicy base = DEFAULT_ROLES.get(name);
            int quorum = given.quorum() > 0 ? given.quorum() : base == null ? 1 : base.quorum();
            Duration max = given.maxDuration() != null ? given.maxDuration() : null;
            if (max == null && base == null) {
              throw new IllegalStateException(
                  "paved.access.roles." + name + ".max-duration is required");
            }
            merged.put(name, new RolePolicy(quorum, max == null ? base.maxDuration() : max));
          });
    }
    roles = Map.copyOf(merged);
    if (minDuration == null) {
      minDuration = Duration.ofMinutes(5);
    }
  }

  /**
   * @param quorum how many distinct approvers must approve
   * @param maxDuration the longest access that may be asked for
   */
  public record RolePolicy(int quorum, Duration maxDuration) {}

  /** Every role's policy: the defaults, with the configured ones over them. */
  public Map<String, RolePolicy> policies() {
    return roles;
  }
}
