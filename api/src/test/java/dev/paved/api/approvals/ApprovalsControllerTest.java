package dev.paved.api.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.paved.api.Items;
import dev.paved.api.identity.CurrentUser;
import dev.paved.api.identity.CurrentUsers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The inbox merges its sources oldest first and pages through them without a gap. */
class ApprovalsControllerTest {

  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
  private static final CurrentUser BOB = new CurrentUser("bob", Set.of("team-payments"), false);

  private static PendingApproval waiting(String kind, String id, int second) {
    return new PendingApproval(
        kind,
        id,
        "summary",
        "alice",
        T0.plusSeconds(second),
        "/api/v1/" + kind + "s/" + id,
        "/" + kind + "s/" + id);
  }

  @Test
  void pagesMergeEverySourceOldestFirstAndEndWithoutANextCursor() {
    PendingApprovals runs = user -> List.of(waiting("run", "r-2", 1), waiting("run", "r-1", 0));
    PendingApprovals access =
        user -> List.of(waiting("access-request", "a-1", 1), waiting("access-request", "a-2", 2));
    CurrentUsers users = mock(CurrentUsers.class);
    when(users.current()).thenReturn(BOB);
    ApprovalsController inbox = new ApprovalsController(List.of(runs, access), users);

    List<String> seen = new ArrayList<>();
    List<String> cursors = new ArrayList<>();
    String cursor = null;
    do {
      Items<PendingApproval> page = inbox.pending(true, 3, cursor);
      page.items().forEach(item -> seen.add(item.id()));
      cursor = page.nextCursor();
      cursors.add(cursor);
    } while (cursor != null);

    assertThat(seen).containsExactly("r-1", "a-1", "r-2", "a-2");
    assertThat(cursors).hasSize(2);
  }
}
