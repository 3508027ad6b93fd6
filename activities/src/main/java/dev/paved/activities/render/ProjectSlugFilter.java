package dev.paved.activities.render;

import dev.paved.activities.support.RepoUrl;

/** {@code | projectSlug}: {@code github.com?owner=acme&repo=checkout} as {@code acme/checkout}. */
final class ProjectSlugFilter extends TemplateFilter {

  ProjectSlugFilter() {
    super("projectSlug");
  }

  @Override
  Object apply(Object input, Object[] args) {
    RepoUrl url = ParseRepoUrlFilter.parse(getName(), input);
    return url.owner() + "/" + url.repo();
  }
}
