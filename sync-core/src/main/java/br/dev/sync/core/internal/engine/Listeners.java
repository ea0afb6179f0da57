package br.dev.sync.core.internal.engine;

import br.dev.sync.core.SyncEvent;
import br.dev.sync.core.spi.SyncListener;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands events to every listener; a listener that throws is logged and skipped, never failing the run. */
public final class Listeners implements SyncListener {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);
    private final List<SyncListener> listeners;

    public Listeners(List<SyncListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void onEvent(SyncEvent event) {
        for (SyncListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn(
                        "listener {} failed on {}: {}",
                        l.getClass().getName(),
                        event.getClass().getSimpleName(),
                        e.toString());
            }
        }
    }
}
