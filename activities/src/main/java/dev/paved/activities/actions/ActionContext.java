package dev.paved.activities.actions;

import dev.paved.activities.dashboard.DashboardProvider;
import dev.paved.activities.pullrequest.PullRequestHost;
import dev.paved.activities.render.TemplateRenderer;
import dev.paved.activities.repository.RepositoryHost;
import dev.paved.activities.secrets.SecretStore;
import dev.paved.activities.support.RepoUrl;
import dev.paved.activities.support.Workspaces;
import dev.paved.terraform.InfrastructureSynth;

/**
 * The providers actions are made from: a worker's (real systems or local mode's), or a dry run's
 * (which compute addresses and plans but change nothing, on a temporary workspace).
 */
public record ActionContext(
    Workspaces workspaces,
    TemplateRenderer renderer,
    RepositoryHost repositories,
    PullRequestHost pullRequests,
    RepoUrl gitopsRepository,
    DashboardProvider dashboards,
    SecretStore secrets,
    InfrastructureSynth synth) {}
