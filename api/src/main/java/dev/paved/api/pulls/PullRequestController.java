package dev.paved.api.pulls;

import dev.paved.activities.pullrequest.LocalPullRequests;
import dev.paved.activities.pullrequest.PullRequestRecord;
import dev.paved.api.Problems;
import java.util.Comparator;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Local mode's pull requests: the GitOps changes runs opened, as branches plus records. */
@RestController
@RequestMapping("/api/v1/pull-requests")
class PullRequestController {

  private final LocalPullRequests pulls;

  PullRequestController(LocalPullRequests pulls) {
    this.pulls = pulls;
  }

  @GetMapping
  Map<String, Object> list() {
    return Map.of(
        "items",
        pulls.list().stream()
            .sorted(Comparator.comparing(PullRequestRecord::createdAt).reversed())
            .toList());
  }

  @GetMapping("/{owner}/{repo}/{number}")
  PullRequestRecord get(
      @PathVariable String owner, @PathVariable String repo, @PathVariable int number) {
    return pulls
        .find(owner, repo, number)
        .orElseThrow(
            () -> Problems.notFound("no pull request " + owner + "/" + repo + "#" + number));
  }
}
