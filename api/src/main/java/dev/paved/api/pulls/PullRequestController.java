package dev.paved.api.pulls;

import dev.paved.activities.pullrequest.LocalPullRequests;
import dev.paved.activities.pullrequest.PullRequestRecord;
import dev.paved.api.Items;
import dev.paved.api.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Comparator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Local mode's pull requests: the GitOps changes runs opened, as branches plus records. */
@Tag(name = "Pull requests", description = "Local mode's GitOps pull requests")
@RestController
@RequestMapping("/api/v1/pull-requests")
class PullRequestController {

  private final LocalPullRequests pulls;

  PullRequestController(LocalPullRequests pulls) {
    this.pulls = pulls;
  }

  @Operation(summary = "List the pull requests runs opened, newest first")
  @GetMapping
  Items<PullRequestRecord> list() {
    return new Items<>(
        pulls.list().stream()
            .sorted(Comparator.comparing(PullRequestRecord::createdAt).reversed())
            .toList());
  }

  @Operation(summary = "Read a pull request")
  @ApiResponse(responseCode = "200", description = "the pull request")
  @ApiResponse(responseCode = "404", description = "no such pull request")
  @GetMapping("/{owner}/{repo}/{number}")
  PullRequestRecord get(
      @PathVariable String owner, @PathVariable String repo, @PathVariable int number) {
    return pulls
        .find(owner, repo, number)
        .orElseThrow(
            () -> Problems.notFound("no pull request " + owner + "/" + repo + "#" + number));
  }
}
