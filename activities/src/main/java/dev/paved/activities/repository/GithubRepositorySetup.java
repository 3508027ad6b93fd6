package dev.paved.activities.repository;

import dev.paved.activities.github.GithubFailures;
import dev.paved.activities.repository.RepositorySettings.BranchProtection;
import dev.paved.activities.support.StepFailures;
import java.io.IOException;
import org.kohsuke.github.GHBranchProtectionBuilder;
import org.kohsuke.github.GHOrganization;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GHTeam;
import org.kohsuke.github.GitHub;

/**
 * The organisation and team a publication names, looked up before anything is made, and the
 * settings of a repository Paved made, applied by the run that made it (each call is an idempotent
 * PUT or PATCH, so a retry finishes what an earlier attempt began). A re-run that adopts the
 * repository leaves them as the service's team has since set them.
 */
final class GithubRepositorySetup {

  private GithubRepositorySetup() {}

  /** {@code GET /orgs/{org}}; InvalidInput when there is none Paved can see. */
  static GHOrganization organisation(GitHub github, String owner) throws IOException {
    try {
      return github.getOrganization(owner);
    } catch (IOException e) {
      if (GithubFailures.notFound(e)) {
        throw StepFailures.invalidInput(
            "no GitHub organisation "
                + owner
                + " that Paved's credentials can see (Paved creates repositories in organisations)");
      }
      throw e;
    }
  }

  /** {@code GET /orgs/{org}/teams/{slug}}; InvalidInput when there is none. */
  static GHTeam team(GHOrganization org, String slug) throws IOException {
    try {
      return org.getTeamBySlug(slug);
    } catch (IOException e) {
      if (GithubFailures.notFound(e)) {
        throw StepFailures.invalidInput(
            "no team "
                + slug
                + " in the GitHub organisation "
                + org.getLogin()
                + " (input access)");
      }
      throw e;
    }
  }

  /** {@code PATCH /repos/{o}/{r}} when GitHub's default branch is not the publication's. */
  static void defaultBranch(GHRepository repo, String branch) throws IOException {
    if (!branch.equals(repo.getDefaultBranch())) {
      repo.setDefaultBranch(branch);
    }
  }

  /**
   * Topics ({@code PUT /repos/{o}/{r}/topics}), the admin team ({@code PUT
   * /organizations/{org_id}/team/{team_id}/repos/{o}/{r}}, GitHub's id-based route for the team
   * permission, which hub4j uses) and last the branch protection ({@code PUT
   * /repos/{o}/{r}/branches/{b}/protection}): protecting earlier would bar Paved's own push.
   */
  static void apply(GHRepository repo, RepositorySettings settings, GHTeam team, String branch)
      throws IOException {
    if (!settings.topics().isEmpty()) {
      repo.setTopics(settings.topics());
    }
    if (team != null) {
      team.add(repo, GHOrganization.RepositoryRole.from(GHOrganization.Permission.ADMIN));
    }
    BranchProtection protection = settings.protection();
    if (protection.enabled()) {
      GHBranchProtectionBuilder builder =
          repo.getBranch(branch)
              .enableProtection()
              .includeAdmins(protection.enforceAdmins())
              .requireReviews()
              .requiredReviewers(protection.requiredApprovingReviewCount())
              .dismissStaleReviews(protection.dismissStaleReviews())
              .requireCodeOwnReviews(protection.requireCodeOwnerReviews());
      if (!protection.requiredStatusChecks().isEmpty()) {
        builder
            .addRequiredChecks(protection.requiredStatusChecks())
            .requireBranchIsUpToDate(protection.requireBranchesToBeUpToDate());
      }
      builder.enable();
    }
  }
}
