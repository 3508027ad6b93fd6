package dev.paved.api.dryrun;

import dev.paved.activities.dashboard.DashboardProvider;
import dev.paved.activities.pullrequest.PullRequestHost;
import dev.paved.activities.render.TemplateRenderer;
import dev.paved.activities.repository.RepositoryHost;
import dev.paved.activities.secrets.SecretStore;
import dev.paved.activities.support.RepoUrl;
import dev.paved.api.catalog.CatalogSource;
import dev.paved.terraform.InfrastructureSynth;
import org.springframework.stereotype.Component;

/**
 * The systems a dry run may ask, never change: hosts compute addresses, the catalog source reads a
 * repository that already exists, the synth writes only into the dry run's workspace.
 */
@Component
record DryRunProviders(
    TemplateRenderer renderer,
    RepositoryHost repositories,
    PullRequestHost pullRequests,
    RepoUrl gitopsRepository,
    DashboardProvider dashboards,
    SecretStore secrets,
    InfrastructureSynth synth,
    CatalogSource catalog) {}
