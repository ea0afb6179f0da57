package br.dev.sync.core;

import java.util.Objects;

/**
 * Whose progress a checkpoint records: one node, one stream, one partition (an establishment, an outpost, or
 * "" for all) within one window.
 *
 * <p>Immutable and thread-safe.
 */
public record CheckpointId(String node, String stream, String partition, String window) {
    public CheckpointId {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(stream, "stream");
        partition = partition == null ? "" : partition;
        window = window == null ? "" : window;
    }

    @Override
    public String toString() {
        return node + "/" + stream + (partition.isEmpty() ? "" : "/" + partition)
                + (window.isEmpty() ? "" : "@" + window);
    }
}
