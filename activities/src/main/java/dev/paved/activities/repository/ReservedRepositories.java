package dev.paved.activities.repository;

import dev.paved.activities.support.RepoUrl;
import dev.paved.activities.support.StepFailures;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Paved's own repositories (the GitOps one), which no service may take, on any host. */
final class ReservedRepositories {

  private final Set<String> names;

  ReservedRepositories(List<RepoUrl> reserved) {
    this.names = reserved.stream().map(ReservedRepositories::name).collect(Collectors.toSet());
  }

  /** InvalidInput when {@code url} names one of Paved's own repositories. */
  void refuse(RepoUrl url) {
    String name = name(url);
    if (names.contains(name)) {
      throw StepFailures.invalidInput(
          "repository "
              + name
              + " is Paved's GitOps repository; a service cannot be published there");
    }
  }

  private static String name(RepoUrl url) {
    return url.owner() + "/" + url.repo();
  }
}
