package br.dev.sync.core.spi;

import java.util.List;
import java.util.Objects;

/**
 * Outbox entries sent together. The id is stable: a batch resent after a lost acknowledgement keeps its id and
 * entries, so the remote side applies it once.
 *
 * <p>Immutable and thread-safe.
 */
public record PushBatch(String id, String stream, List<OutboxEntry> entries) {
    public PushBatch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stream, "stream");
        entries = List.copyOf(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
