package dev.paved.api.approvals;

import dev.paved.api.Items;
import dev.paved.api.Problems;
import dev.paved.api.identity.CurrentUser;
import dev.paved.api.identity.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Everything waiting for the current user's decision, oldest first. */
@Tag(name = "Approvals", description = "What waits for the caller's decision")
@RestController
@RequestMapping("/api/v1/approvals")
class ApprovalsController {

  private final List<PendingApprovals> sources;
  private final CurrentUsers users;

  ApprovalsController(List<PendingApprovals> sources, CurrentUsers users) {
    this.sources = sources;
    this.users = users;
  }

  @Operation(summary = "List what waits for the caller's decision, oldest first")
  @ApiResponse(responseCode = "200", description = "what waits")
  @ApiResponse(
      responseCode = "400",
      description = "pending=false: decided requests have their own lists")
  @GetMapping
  Items<PendingApproval> pending(@RequestParam(defaultValue = "true") boolean pending) {
    if (!pending) {
      throw Problems.invalid(
          "only pending=true is served: decided requests are in their own lists", Map.of());
    }
    CurrentUser me = users.current();
    return new Items<>(
        sources.stream()
            .flatMap(source -> source.waitingFor(me).stream())
            .sorted(Comparator.comparing(PendingApproval::requestedAt))
            .toList());
  }
}
