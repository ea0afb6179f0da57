package br.dev.sync.core.copy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a copy file holds, read from its {@code manifest.json}: who made it and when, whether it is full or
 * incremental (and since which copy), and per stream the row counts, the checksums of its data and the checkpoints
 * of the source node.
 *
 * @param format the file format, {@link #FORMAT}
 * @param copyId this copy's unique id; an incremental copy names the one it continues in {@code since}
 * @param node the source node whose store was copied
 * @param since the id of the copy this one continues, or null for a full copy
 * @param streams the copied streams in the file's order
 *
 * <p>Immutable and thread-safe.
 */
public record CopyManifest(
        String format, String copyId, String node, Instant createdAt, String since, List<StreamEntry> streams) {
    /** The one format this version writes and reads. */
    public static final String FORMAT = "br.dev.sync/database-copy/1";

    public CopyManifest {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(copyId, "copyId");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(createdAt, "createdAt");
        streams = List.copyOf(streams);
    }

    public boolean incremental() {
        return since != null;
    }

    public Optional<StreamEntry> stream(String name) {
        return streams.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * One stream of a copy.
     *
     * @param rows row lines (upserts) in its data entry
     * @param deletes delete lines (tombstones) in its data entry; always 0 in a full copy
     * @param liveKeys keys live in the source when copied, listed in its keys entry (what the next incremental
     *     copy compares with)
     * @param maxVersion the highest version seen; the next incremental copy carries rows above it
     * @param dataSha256 hex SHA-256 of the data entry's bytes
     * @param keysSha256 hex SHA-256 of the keys entry's bytes
     * @param checkpoints the source node's checkpoints of this stream, read before its rows
     *
     * <p>Immutable and thread-safe.
     */
    public record StreamEntry(
            String name,
            long rows,
            long deletes,
            long liveKeys,
            long maxVersion,
            String dataSha256,
            String keysSha256,
            List<Checkpoint> checkpoints) {
        public StreamEntry {
            Objects.requireNonNull(name, "name");
            checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
        }
    }

    /** A checkpoint carried by a copy: its partition and window key, and the cursor. Immutable and thread-safe. */
    public record Checkpoint(String partition, String window, String cursor) {
        public Checkpoint {
            partition = partition == null ? "" : partition;
            window = window == null ? "" : window;
            Objects.requireNonNull(cursor, "cursor");
        }
    }
}
