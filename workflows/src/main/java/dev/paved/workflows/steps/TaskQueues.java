package dev.paved.workflows.steps;

/** The task queues Paved's workers poll. */
public final class TaskQueues {

  /** Golden-path workflows and the actions of their steps; polled by every worker. */
  public static final String GOLDEN_PATH = "paved-golden-path";

  /**
   * Activities that need Paved's own database (the run records, the catalog); polled by the API
   * process, so a standalone worker needs no database.
   */
  public static final String API = "paved-api";

  /** Production-access requests and their grants; polled by every worker. */
  public static final String ACCESS = "paved-access";

  private TaskQueues() {}
}
