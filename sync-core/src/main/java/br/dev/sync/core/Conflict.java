package br.dev.sync.core;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A pulled change for a key that has a local change not yet sent.
 *
 * @param local the pending local change (from the outbox)
 * @param remote the change just pulled
 * @param base the last synced copy of the record's fields, when the store keeps one for the stream (merge rule)
 *
 * <p>Immutable and thread-safe.
 */
public record Conflict(String stream, String key, Change local, Change remote, Map<String, Object> base) {
    public Conflict {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
    }

    public Optional<Map<String, Object>> baseFields() {
        return Optional.ofNullable(base);
    }
}
