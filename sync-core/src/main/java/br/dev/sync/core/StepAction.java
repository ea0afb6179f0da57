package br.dev.sync.core;

/**
 * The body of a {@link Step.Task}. It reports what it did through the context (counts, progress, differences,
 * quarantine) and fails by throwing a {@link SyncException} that says what happened and what to do.
 *
 * <p>Implementations must be thread-safe if the same task runs in several plans at once.
 */
@FunctionalInterface
public interface StepAction {
    void run(StepContext context) throws Exception;
}
