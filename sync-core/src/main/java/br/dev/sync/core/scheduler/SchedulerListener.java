package br.dev.sync.core.scheduler;

/**
 * Hears how each run a scheduler started ended: succeeded, failed or skipped. Called on the run's thread after the
 * plan's next run has been planned; return quickly. An exception thrown here is logged and ignored.
 *
 * <p>Implementations must be thread-safe: plans run in parallel.
 */
@FunctionalInterface
public interface SchedulerListener {
    void onOutcome(RunOutcome outcome);
}
