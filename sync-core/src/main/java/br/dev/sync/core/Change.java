package br.dev.sync.core;

import br.dev.sync.core.internal.engine.FieldMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One versioned change of one record: the unit the engine pulls, pushes, compares and applies.
 *
 * <p>{@code fields} maps column names to values (String, Number, Boolean, java.time values, or JSON text for
 * nested values); it may hold nulls and keeps its order. {@code version} is monotonic per key (a server revision
 * or an updated-at in epoch milliseconds): a change never overwrites a newer one. {@code origin} is the node or
 * remote system that made it, the tie-break of the newest-wins rule.
 *
 * <p>Immutable and thread-safe.
 */
public record Change(String stream, String key, long version, Operation op, Map<String, Object> fields, String origin) {
    public Change {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(origin, "origin");
        if (fields == null) {
            fields = Map.of();
        } else if (!(fields instanceof FieldMap)) { // a FieldMap is immutable already: no copy of it
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    public static Change upsert(String stream, String key, long version, Map<String, Object> fields, String origin) {
        return new Change(stream, key, version, Operation.UPSERT, fields, origin);
    }

    public static Change delete(String stream, String key, long version, String origin) {
        return new Change(stream, key, version, Operation.DELETE, Map.of(), origin);
    }

    public boolean isDelete() {
        return op == Operation.DELETE;
    }

    /** The same change with other fields (a merge result) and version. */
    public Change with(Map<String, Object> newFields, long newVersion) {
        return new Change(stream, key, newVersion, op, newFields, origin);
    }
}
