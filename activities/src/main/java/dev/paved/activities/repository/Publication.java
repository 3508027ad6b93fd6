package dev.paved.activities.repository;

import dev.paved.activities.support.RepoUrl;
import java.nio.file.Path;

/**
 * What {@code publish:github} asks the host for.
 *
 * @param source the folder whose files become the first commit
 */
public record Publication(
    RepoUrl repository,
    String serviceKey,
    String description,
    String defaultBranch,
    Path source,
    String commitMessage,
    CommitAuthor author) {}
