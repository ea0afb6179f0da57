package br.dev.sync.core;

/**
 * One difference an align step found between the local store and the origin.
 *
 * @param kind ADDED (the origin has it, local did not), CHANGED (a field differs), REMOVED (local had it, the
 *     origin does not)
 * @param field the differing field for CHANGED, else null
 *
 * <p>Immutable and thread-safe.
 */
public record Difference(String stream, String key, Kind kind, String field, Object localValue, Object originValue) {
    public enum Kind {
        ADDED,
        CHANGED,
        REMOVED
    }
}
