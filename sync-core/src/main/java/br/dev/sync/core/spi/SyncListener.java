package br.dev.sync.core.spi;

import br.dev.sync.core.SyncEvent;

/**
 * Observes runs: progress, conflicts, quarantined records, steps and reports. Listeners replace log scraping for
 * anything a user may want to show or count. Called on the run's threads: return quickly; an exception thrown
 * here is logged and ignored, it never fails a run.
 *
 * <p>Implementations must be thread-safe when steps run in parallel.
 */
@FunctionalInterface
public interface SyncListener {
    void onEvent(SyncEvent event);
}
