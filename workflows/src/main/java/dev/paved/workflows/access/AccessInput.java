package dev.paved.workflows.access;

import dev.paved.workflows.approval.ApprovalRule;
import java.time.Duration;

/**
 * A production-access request with the policy that applies to it, frozen when it starts.
 *
 * @param requestId Paved's id of the request ({@code a-} and 16 hex digits)
 * @param service the catalog entity the access is for, e.g. {@code component:default/checkout}
 * @param ownerGroup the team that owns the service; it approves and reviews break-glass access
 * @param role {@code read}, {@code write} or {@code admin}
 * @param duration how long the access lasts once granted
 * @param breakGlass granted at once, without approval, to a member of the on-call group
 * @param approvers the owning team and the SRE group, and how many of them must approve
 * @param pendingTimeout how long a request waits for its decision before it expires
 * @param reviewWindow how long the owning team has to acknowledge a break-glass access
 * @param platformGroup the platform team, which may revoke any access
 */
public record AccessInput(
    String requestId,
    String service,
    String environment,
    String role,
    String reason,
    Duration duration,
    String requestedBy,
    boolean breakGlass,
    String ownerGroup,
    ApprovalRule approvers,
    Duration pendingTimeout,
    Duration reviewWindow,
    String platformGroup) {

  /** The workflow id of a request: unique, and readable in Temporal's UI. */
  public static String workflowId(String requestId) {
    return "access:" + requestId;
  }

  /** The audit subject of a request. */
  public String subject() {
    return "access-request:" + requestId;
  }
}
