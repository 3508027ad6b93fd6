package dev.paved.activities.repository;

/** The author (and committer) of the commits Paved makes. */
public record CommitAuthor(String name, String email) {

  /** Paved itself, when a template names no author. */
  public static final CommitAuthor PAVED = new CommitAuthor("Paved", "paved@localhost");
}
