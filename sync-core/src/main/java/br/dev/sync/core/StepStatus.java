package br.dev.sync.core;

/** How a step of a run ended. */
public enum StepStatus {
    SUCCEEDED,
    /** It ran and failed; what it had committed page by page stays committed, and the next run resumes there. */
    FAILED,
    /** A gate refused it; nothing of it ran. */
    REFUSED,
    /** It did not run because a step it depends on did not succeed. */
    SKIPPED
}
