package br.dev.sync.core.spi;

import java.util.List;

/**
 * Moves records between this node and one remote system. The contract says nothing of HTTP: a file drop or a
 * broker fits too. The HTTP toolkit ({@code br.dev.sync.core.http}) builds the usual kind.
 *
 * <p>Failures: throw {@link br.dev.sync.core.RetryableSyncException} (or a subclass) for what may pass on a later
 * try, {@link br.dev.sync.core.TransportException} for the rest, including an answer that cannot be read (the
 * engine then fails the step and commits nothing of that page). Never return a partial page silently.
 *
 * <p>Implementations must be thread-safe: steps of a plan may run in parallel.
 */
public interface SyncTransport {
    /** The remote system's name, used in messages, reports and as the origin of pulled changes. */
    String name();

    /** One page of a stream. Pages may overlap earlier ones (timestamp cursors): the engine absorbs repeats. */
    Page fetch(PageRequest request);

    /**
     * Sends a batch; answers one acknowledgement per entry. The remote side must treat a batch id it has seen as
     * a repeat (answer {@link PushAck.Status#DUPLICATE} or the earlier answers) and apply nothing twice.
     */
    List<PushAck> push(PushBatch batch);
}
