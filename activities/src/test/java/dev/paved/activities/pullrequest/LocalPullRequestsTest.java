package dev.paved.activities.pullrequest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.activities.git.LocalGitRepositories;
import dev.paved.activities.support.RepoUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPullRequestsTest {

  @TempDir Path data;

  @Test
  void concurrentPullRequestsGetDistinctNumbers() throws Exception {
    LocalGitRepositories git = new LocalGitRepositories(data.resolve("git"));
    LocalPullRequests records = new LocalPullRequests(data.resolve("git/pulls"));
    RepoUrl gitops = RepoUrl.parse("github.com?owner=platform&repo=gitops");
    LocalPullRequestHost host =
        new LocalPullRequestHost(git, records, gitops, "http://localhost:8080");
    Path source = Files.createDirectories(data.resolve("source"));
    Files.writeString(source.resolve("app.yaml"), "kind: Deployment\n");
    int runs = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(runs);
    try {
      List<Future<OpenedPullRequest>> opened = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        String service = "team/s" + i;
        opened.add(
            pool.submit(
                () -> {
                  start.await();
                  return host.open(
                      new PullRequestChange(
                          gitops,
                          service,
                          "run-" + service.hashCode(),
                          "paved/" + service,
                          "Deploy " + service,
                          "",
                          source,
                          "apps/" + service));
                }));
      }
      start.countDown();
      List<Integer> numbers = new ArrayList<>();
      for (Future<OpenedPullRequest> f : opened) {
        numbers.add(f.get().number());
      }
      assertThat(numbers)
          .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, runs).boxed().toList());
    } finally {
      pool.shutdownNow();
    }
    assertThat(records.list()).hasSize(runs);
  }

  @Test
  void aReservedButUnwrittenNumberIsSkippedAndNotReused() throws Exception {
    LocalPullRequests records = new LocalPullRequests(data.resolve("pulls"));
    Files.createDirectories(data.resolve("pulls/acme/gitops"));
    Files.createFile(data.resolve("pulls/acme/gitops/1.json"));

    PullRequestRecord made =
        records.locked(
            "acme",
            "gitops",
            () ->
                records.create(
                    new PullRequestRecord(
                        "acme",
                        "gitops",
                        0,
                        "t",
                        "",
                        "b",
                        "main",
                        PullRequestRecord.State.OPEN,
                        "acme/x",
                        "run-1",
                        null,
                        null,
                        null),
                    n -> "url/" + n));

    assertThat(made.number()).isEqualTo(2);
    assertThat(made.url()).isEqualTo("url/2");
    assertThat(records.list()).containsExactly(made);
    assertThat(records.find("acme", "gitops", 1)).isEmpty();
  }

  @Test
  void unsafeOrUnknownNamesFindNothing() {
    LocalPullRequests records = new LocalPullRequests(data.resolve("pulls"));

    assertThat(records.find("..", "gitops", 1)).isEmpty();
    assertThat(records.find("acme", "../x", 1)).isEmpty();
    assertThat(records.find("acme", "gitops", 0)).isEmpty();
    assertThat(records.list("acme", "gitops")).isEmpty();
    assertThat(records.list()).isEmpty();
  }
}
