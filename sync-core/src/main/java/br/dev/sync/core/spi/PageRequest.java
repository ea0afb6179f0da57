package br.dev.sync.core.spi;

import br.dev.sync.core.Window;
import java.util.Objects;

/**
 * Asks a transport for one page of a stream.
 *
 * @param partition the partition ("" for all): an establishment, an outpost
 * @param cursor where the previous page ended, or null for the start of the window; opaque to the engine
 * @param limit the most records the page may hold
 *
 * <p>Immutable and thread-safe.
 */
public record PageRequest(String stream, String partition, Window window, String cursor, int limit) {
    public PageRequest {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(window, "window");
        partition = partition == null ? "" : partition;
    }
}
