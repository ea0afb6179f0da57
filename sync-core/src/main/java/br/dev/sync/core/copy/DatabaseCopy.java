package br.dev.sync.core.copy;

import br.dev.sync.core.ConfigurationException;
import br.dev.sync.core.internal.copy.CopyImporter;
import br.dev.sync.core.internal.copy.CopyReader;
import br.dev.sync.core.internal.copy.CopyWriter;
import br.dev.sync.core.spi.SyncStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Database copies (the ERP's "gerar base"): export chosen streams of a store, in full or incrementally since an
 * earlier copy, to one portable file, and import it into another store to seed a new node.
 *
 * <pre>{@code
 * CopyOptions options = CopyOptions.builder("store-12").checkpointsOf(receivePlan).build();
 * DatabaseCopy.export(store, List.of("products", "stock"), Path.of("store-12.synccopy"), options);
 * // on the new machine, into an empty database:
 * DatabaseCopy.importInto(newStore, Path.of("store-12.synccopy"), "store-13");
 * }</pre>
 *
 * <h2>The file</h2>
 * A zip archive (deflated): per stream {@code streams/<name>/data.jsonl} (one JSON line per row, {@code {"k","v",
 * "f","t"}}, or per delete, {@code {"k","v","d":true}}) and {@code streams/<name>/keys.jsonl} (every key the source
 * held, with its version: {@code [key, version]}), then {@code manifest.json} ({@link CopyManifest}: format, copy id,
 * source node, time, the copy it continues, and per stream counts, highest version, SHA-256 of both entries and the
 * checkpoints). Field values keep their Java type (a Long stays a Long, 10.50 stays a BigDecimal of scale 2). The
 * file is written next to its final name and moved into place when complete, so a reader never sees half a file.
 *
 * <h2>Full and incremental</h2>
 * A full copy carries every live row. An incremental copy carries the rows whose version is above the highest
 * version of the earlier copy, the rows of keys the earlier copy held whose version changed, and a delete for
 * every key the earlier copy held that is now a tombstone or gone. It assumes, as the sync model does, that a
 * stream's versions grow over time (an updated-at or a server revision): a new key whose version is not above the
 * earlier copy's highest is not carried, so a stream whose versions are per-key counters needs full copies.
 *
 * <h2>Import</h2>
 * The whole file is checked first: every entry present, SHA-256 and counts as the manifest says, every line
 * readable (a damaged or truncated file is refused with a {@link CopyException} and nothing is written). A full copy
 * is imported into a store that holds no row of its streams; an incremental one only into a store that imported the
 * copy it continues. Rows go in batches of 1,000 (one transaction each); after a stream's rows, its checkpoints are
 * written for the target node, so the new node's pulls carry on from where the source's were when it was copied. A
 * marker ({@code database-copy}, copy id) says "started" and then "done": an import cut short by a store failure
 * can be run again (rows already there are unchanged, versions decide).
 *
 * <h2>Consistency</h2>
 * The checkpoints are read before the rows, so a checkpoint never covers a row the copy lacks; a row changed while
 * the export runs may be in the copy in its newer version, which the next pull then finds unchanged. Memory stays
 * with one line (export) or one batch (import), whatever the number of rows.
 *
 * <p>Stateless and thread-safe; two exports to the same file at once are not.
 */
public final class DatabaseCopy {
    private DatabaseCopy() {}

    /**
     * Writes a copy of {@code streams} of {@code store} to {@code file} (replaced if it exists).
     *
     * @return the manifest written into the file
     * @throws CopyException when the file cannot be written or the earlier copy of an incremental one is damaged,
     *     of another node, or lacks a stream
     */
    public static CopyManifest export(SyncStore store, List<String> streams, Path file, CopyOptions options) {
        List<String> problems = new ArrayList<>();
        if (store == null) {
            problems.add("store: is required");
        }
        if (streams == null || streams.isEmpty()) {
            problems.add("streams: name at least one stream to copy");
        } else if (new HashSet<>(streams).size() != streams.size()) {
            problems.add("streams: a stream is named twice in " + streams);
        }
        if (file == null) {
            problems.add("file: is required");
        }
        if (options == null) {
            problems.add("options: are required (CopyOptions.full(node) for a full copy)");
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("database copy", problems);
        }
        return new CopyWriter(store, options, file).export(List.copyOf(streams));
    }

    /**
     * Imports a copy file into {@code store} as node {@code targetNode}: the copy's checkpoints are written for that
     * node.
     *
     * @throws CopyException when the file is damaged or truncated, or the store cannot take it (then nothing was
     *     written)
     */
    public static ImportResult importInto(SyncStore store, Path file, String targetNode) {
        return importInto(store, file, targetNode, Clock.systemUTC());
    }

    /** As {@link #importInto(SyncStore, Path, String)}, with the clock of the import markers. */
    public static ImportResult importInto(SyncStore store, Path file, String targetNode, Clock clock) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(clock, "clock");
        if (targetNode == null || targetNode.isBlank()) {
            throw new ConfigurationException(
                    "database copy import", List.of("targetNode: the id of the node the store belongs to is required"));
        }
        return new CopyImporter(store, file, targetNode, clock).run();
    }

    /**
     * Checks a copy file whole (entries, checksums, counts, every line readable) without importing it.
     *
     * @throws CopyException naming what is damaged
     */
    public static CopyManifest verify(Path file) {
        try (CopyReader reader = CopyReader.open(file)) {
            reader.verify();
            return reader.manifest();
        }
    }
}
