package dev.paved.api.approvals;

import dev.paved.api.Cursor;
import dev.paved.api.Items;
import dev.paved.api.Problems;
import dev.paved.api.identity.CurrentUser;
import dev.paved.api.identity.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

  /** Oldest first; the same instant is ordered by where the item lives. */
  private static final Comparator<Cursor> ORDER =
      Comparator.comparing(Cursor::at).thenComparing(Cursor::key);

  private final List<PendingApprovals> sources;
  private final CurrentUsers users;

  ApprovalsController(List<PendingApprovals> sources, CurrentUsers users) {
    this.sources = sources;
    this.users = users;
  }

  @Operation(summary = "List what waits for the caller's decision, oldest first, by pages")
  @ApiResponse(responseCode = "200", description = "a page of what waits")
  @ApiResponse(
      responseCode = "400",
      description =
          "pending=false (decided requests have their own lists), a limit outside 1..500, or a"
              + " cursor this list never gave")
  @GetMapping
  Items<PendingApproval> pending(
      @RequestParam(defaultValue = "true") boolean pending,
      @Parameter(description = "at most this many, 1..500")
          @RequestParam(defaultValue = "500")
          @Min(1)
          @Max(500)
          int limit,
      @Parameter(description = "the nextCursor of the previous page")
          @RequestParam(required = false)
          String cursor) {
    if (!pending) {
      throw Problems.invalid(
          "only pending=true is served: decided requests are in their own lists", Map.of());
    }
    CurrentUser me = users.current();
    Cursor after = Cursor.decode(cursor);
    List<PendingApproval> rows =
        sources.stream()
            .flatMap(source -> source.waitingFor(me).stream())
            .filter(item -> after == null || ORDER.compare(position(item), after) > 0)
            .sorted(Comparator.comparing(ApprovalsController::position, ORDER))
            .limit(limit + 1L)
            .toList();
    return Items.page(rows, limit, ApprovalsController::position, item -> item);
  }

  private static Cursor position(PendingApproval item) {
    return new Cursor(item.requestedAt(), item.href());
  }
}
