package br.dev.sync.core.spi;

import br.dev.sync.core.Change;
import java.util.Objects;

/**
 * A local change waiting to go up, in the order it was written ({@code sequence}, assigned by the store).
 *
 * <p>Immutable and thread-safe.
 */
public record OutboxEntry(long sequence, Change change) {
    public OutboxEntry {
        Objects.requireNonNull(change, "change");
    }
}
