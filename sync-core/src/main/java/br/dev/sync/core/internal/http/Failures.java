package br.dev.sync.core.internal.http;

import br.dev.sync.core.SyncException;

/** Finding the SDK exception that Feign or Jackson may have wrapped. Stateless and thread-safe. */
final class Failures {
    private Failures() {}

    /** The first {@link SyncException} in the cause chain of {@code t} (itself included), or null. */
    static SyncException findSync(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SyncException sync) {
                return sync;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }
}
