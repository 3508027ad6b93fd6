package dev.paved.workflows.steps;

/** Families of steps that share a timeout and retry policy (see {@link StepOptions}). */
public enum StepClass {
  /** Works on files in the run's workspace: quick, and a retry rarely helps. */
  WORKSPACE,
  /** Talks to another system (git hosting, Vault, Grafana, the catalog): retried patiently. */
  EXTERNAL,
  /** Synthesizes infrastructure code: slow to start, quick after. */
  SYNTH,
  /**
   * Waits on purpose ({@code debug:wait}, 10 minutes at most), heartbeating: a wait whose worker
   * died goes on in another worker within seconds, not at the end of its timeout.
   */
  WAIT
}
