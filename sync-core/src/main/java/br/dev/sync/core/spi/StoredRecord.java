package br.dev.sync.core.spi;

import java.util.Map;

/**
 * A record as the store holds it: its version, whether it is a tombstone, and its fields.
 *
 * <p>Immutable and thread-safe.
 */
public record StoredRecord(String key, long version, boolean deleted, Map<String, Object> fields) {
    public StoredRecord {
        fields = fields == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }
}
