package br.dev.sync.core.spi;

import br.dev.sync.core.Change;
import br.dev.sync.core.CheckpointId;
import br.dev.sync.core.QuarantineEntry;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one page does to the store, to be committed in ONE transaction or not at all.
 *
 * @param changes changes to apply, at most one per key; each is written only if its version is newer than the
 *     stored one (a delete leaves a versioned tombstone)
 * @param quarantine records to keep aside
 * @param releasedQuarantine ids of quarantine entries this batch resolves (a successful retry), deleted with it
 * @param dropOutbox outbox sequences this batch settles (a conflict the remote side won), each together with every
 *     earlier entry of the same stream and key: the engine reads only the newest entry of a key
 *     ({@link SyncStore#pendingFor}), and an older local change must not go up after the remote side won. A later
 *     entry of the key (appended after the engine read it) stays.
 * @param rewriteOutbox outbox sequences whose pending change is replaced (a merge result), by sequence; the earlier
 *     entries of the same stream and key are settled, since the merge result supersedes them. An entry already in
 *     a claimed push batch is not settled with the outbox: the batch may have reached the remote side, and it is
 *     answered as claimed until it is acknowledged
 * @param markers markers to write with the data (e.g. "outpost 0002 closed 2026-11-21")
 * @param checkpoint the checkpoint to store, or null to leave it
 * @param cursor the checkpoint's new value (when checkpoint is not null)
 * @param keepBaseline whether to keep the applied fields as the last synced copy (for the merge rule)
 * @param beforeCommit run inside the transaction after the writes and before the commit, or null; if it throws,
 *     nothing of the batch is committed. Hosts use it to write their own rows atomically with a page.
 * @param append local changes to add to the outbox in the same transaction (a record kept here and queued to go
 *     up, atomically: an outpost's sale)
 *
 * <p>Immutable and thread-safe (as long as {@code beforeCommit} is).
 */
public record ApplyBatch(
        String stream,
        List<Change> changes,
        List<QuarantineEntry> quarantine,
        List<Long> releasedQuarantine,
        List<Long> dropOutbox,
        Map<Long, Change> rewriteOutbox,
        List<Marker> markers,
        CheckpointId checkpoint,
        String cursor,
        boolean keepBaseline,
        Runnable beforeCommit,
        List<Change> append) {
    public ApplyBatch {
        Objects.requireNonNull(stream, "stream");
        changes = List.copyOf(changes);
        quarantine = List.copyOf(quarantine);
        releasedQuarantine = List.copyOf(releasedQuarantine);
        dropOutbox = List.copyOf(dropOutbox);
        rewriteOutbox = Map.copyOf(rewriteOutbox);
        markers = List.copyOf(markers);
        append = append == null ? List.of() : List.copyOf(append);
    }

    /** A batch that adds nothing to the outbox. */
    public ApplyBatch(
            String stream,
            List<Change> changes,
            List<QuarantineEntry> quarantine,
            List<Long> releasedQuarantine,
            List<Long> dropOutbox,
            Map<Long, Change> rewriteOutbox,
            List<Marker> markers,
            CheckpointId checkpoint,
            String cursor,
            boolean keepBaseline,
            Runnable beforeCommit) {
        this(
                stream,
                changes,
                quarantine,
                releasedQuarantine,
                dropOutbox,
                rewriteOutbox,
                markers,
                checkpoint,
                cursor,
                keepBaseline,
                beforeCommit,
                List.of());
    }

    /** The same batch, also adding {@code changes} to the outbox in its transaction. */
    public ApplyBatch withAppend(List<Change> changes) {
        return new ApplyBatch(
                stream,
                this.changes,
                quarantine,
                releasedQuarantine,
                dropOutbox,
                rewriteOutbox,
                markers,
                checkpoint,
                cursor,
                keepBaseline,
                beforeCommit,
                changes);
    }

    /** A batch of changes and nothing else. */
    public static ApplyBatch of(String stream, List<Change> changes) {
        return new ApplyBatch(
                stream, changes, List.of(), List.of(), List.of(), Map.of(), List.of(), null, null, false, null);
    }

    /** A batch of changes with the checkpoint that covers them. */
    public static ApplyBatch of(String stream, List<Change> changes, CheckpointId checkpoint, String cursor) {
        return new ApplyBatch(
                stream, changes, List.of(), List.of(), List.of(), Map.of(), List.of(), checkpoint, cursor, false, null);
    }

    public ApplyBatch withBeforeCommit(Runnable hook) {
        return new ApplyBatch(
                stream,
                changes,
                quarantine,
                releasedQuarantine,
                dropOutbox,
                rewriteOutbox,
                markers,
                checkpoint,
                cursor,
                keepBaseline,
                hook,
                append);
    }

    public ApplyBatch withMarkers(List<Marker> newMarkers) {
        return new ApplyBatch(
                stream,
                changes,
                quarantine,
                releasedQuarantine,
                dropOutbox,
                rewriteOutbox,
                newMarkers,
                checkpoint,
                cursor,
                keepBaseline,
                beforeCommit,
                append);
    }

    public ApplyBatch withQuarantine(List<QuarantineEntry> entries) {
        return new ApplyBatch(
                stream,
                changes,
                entries,
                releasedQuarantine,
                dropOutbox,
                rewriteOutbox,
                markers,
                checkpoint,
                cursor,
                keepBaseline,
                beforeCommit,
                append);
    }
}
