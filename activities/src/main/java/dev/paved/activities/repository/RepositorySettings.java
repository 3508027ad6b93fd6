package dev.paved.activities.repository;

import dev.paved.activities.support.Inputs;
import dev.paved.activities.support.RepoUrl;
import dev.paved.activities.support.StepFailures;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How {@code publish:github} sets up a repository it makes, read from Backstage's inputs of the
 * same names with Backstage's defaults. The local host has none of these features and ignores them;
 * a bad value is InvalidInput on every host.
 *
 * @param visibility {@code repoVisibility}: private, internal or public
 * @param topics {@code topics}: lowercase letters, digits and hyphens
 * @param adminTeam the slug of the team {@code access} names, made admin; null for none
 * @param protection the default branch's protection
 */
public record RepositorySettings(
    String visibility, List<String> topics, String adminTeam, BranchProtection protection) {

  /**
   * The default branch's protection ({@code protectDefaultBranch} and the inputs beside it).
   *
   * @param requiredStatusChecks {@code requiredStatusCheckContexts}; none means no status check
   */
  public record BranchProtection(
      boolean enabled,
      boolean enforceAdmins,
      int requiredApprovingReviewCount,
      boolean requireCodeOwnerReviews,
      boolean dismissStaleReviews,
      List<String> requiredStatusChecks,
      boolean requireBranchesToBeUpToDate) {}

  /** Backstage's defaults: private, no topics, no team, protected with one approving review. */
  public static final RepositorySettings DEFAULTS =
      new RepositorySettings(
          "private",
          List.of(),
          null,
          new BranchProtection(true, true, 1, false, false, List.of(), true));

  private static final Set<String> VISIBILITIES = Set.of("private", "internal", "public");
  private static final Pattern TOPIC = Pattern.compile("[a-z0-9][a-z0-9-]{0,49}");
  private static final Pattern TEAM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  /** The settings a step's input asks for; InvalidInput for a value GitHub would refuse. */
  static RepositorySettings read(String action, Inputs in, RepoUrl repository) {
    String visibility = in.string("repoVisibility", DEFAULTS.visibility());
    if (!VISIBILITIES.contains(visibility)) {
      throw StepFailures.invalidInput(
          action + ": repoVisibility must be private, internal or public, got: " + visibility);
    }
    List<String> topics = strings(action, in, "topics");
    for (String topic : topics) {
      if (!TOPIC.matcher(topic).matches()) {
        throw StepFailures.invalidInput(
            action
                + ": a topic is lowercase letters, digits and hyphens, at most 50 characters: "
                + topic);
      }
    }
    int reviews = in.integer("requiredApprovingReviewCount", 1);
    if (reviews < 0 || reviews > 6) {
      throw StepFailures.invalidInput(
          action + ": requiredApprovingReviewCount must be between 0 and 6, got: " + reviews);
    }
    BranchProtection protection =
        new BranchProtection(
            in.bool("protectDefaultBranch", true),
            in.bool("protectEnforceAdmins", true),
            reviews,
            in.bool("requireCodeOwnerReviews", false),
            in.bool("dismissStaleReviews", false),
            strings(action, in, "requiredStatusCheckContexts"),
            in.bool("requireBranchesToBeUpToDate", true));
    return new RepositorySettings(
        visibility, List.copyOf(topics), adminTeam(action, in, repository), protection);
  }

  /**
   * {@code access}: {@code <owner>/<team>} or a team slug of the repository's owner; Backstage's
   * user names are not taken here, since a bare name means a team in Paved's templates.
   */
  private static String adminTeam(String action, Inputs in, RepoUrl repository) {
    String access = in.string("access", null);
    if (access == null) {
      return null;
    }
    String team = access;
    int slash = access.indexOf('/');
    if (slash >= 0) {
      if (!access.substring(0, slash).equalsIgnoreCase(repository.owner())) {
        throw StepFailures.invalidInput(
            action
                + ": access names a team of another organisation than "
                + repository.owner()
                + ": "
                + access);
      }
      team = access.substring(slash + 1);
    }
    if (!TEAM.matcher(team).matches()) {
      throw StepFailures.invalidInput(action + ": access is not a team: " + access);
    }
    return team;
  }

  private static List<String> strings(String action, Inputs in, String field) {
    List<String> values = new ArrayList<>();
    for (Object value : in.list(field)) {
      if (!(value instanceof String s) || s.isBlank()) {
        throw StepFailures.invalidInput(action + ": " + field + " must be a list of names");
      }
      values.add(s.strip());
    }
    return values;
  }
}
