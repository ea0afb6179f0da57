package br.dev.sync.core;

import br.dev.sync.core.spi.SyncStore;
import java.time.Clock;

/**
 * What a running step sees and how it reports: the store, node, window and clock, counters that end up in the
 * step's {@link StepReport}, and progress that listeners receive.
 *
 * <p>Thread-safe: a task may report from several threads.
 */
public interface StepContext {
    String runId();

    String step();

    String node();

    SyncStore store();

    Window window();

    Clock clock();

    void received(long n);

    void applied(long n);

    void unchanged(long n);

    void pushed(long n);

    /** Stores the entry in the quarantine, counts it and tells the listeners. */
    QuarantineEntry quarantine(QuarantineEntry entry);

    void difference(Difference difference);

    /** Reports {@code done} of {@code total} (-1 when unknown); done is capped at total. */
    void progress(long done, long total);
}
