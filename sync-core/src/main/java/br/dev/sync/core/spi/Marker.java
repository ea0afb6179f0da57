package br.dev.sync.core.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A fact a gate checks, kept in the store: e.g. kind "day-closed", key "0002/2026-11-21". Writing a marker with
 * the same kind and key replaces it.
 *
 * <p>Immutable and thread-safe.
 */
public record Marker(String kind, String key, String value, Instant at) {
    public Marker {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        value = value == null ? "" : value;
        Objects.requireNonNull(at, "at");
    }
}
