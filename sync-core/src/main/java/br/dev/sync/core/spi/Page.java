package br.dev.sync.core.spi;

import java.util.List;

/**
 * One page of a stream as the remote side sent it.
 *
 * @param records each record's raw form (JSON text for the HTTP transports), decoded by the engine one by one
 *     so that one malformed record is quarantined alone
 * @param nextCursor where the next page starts, and the checkpoint stored with this page; null keeps the old one
 * @param hasMore whether another page follows
 * @param total how many records the whole window holds, when the remote side says, else -1
 *
 * <p>Immutable and thread-safe.
 */
public record Page(List<String> records, String nextCursor, boolean hasMore, long total) {
    public Page {
        records = List.copyOf(records);
    }

    public static Page last(List<String> records, String nextCursor) {
        return new Page(records, nextCursor, false, -1);
    }
}
